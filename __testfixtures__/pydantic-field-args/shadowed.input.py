from fastapi import Query
from pydantic import BaseModel, Field


def Field(*args, **kwargs):  # noqa: F811 - a local helper that happens to share the name
    return kwargs


class Form(BaseModel):
    name: str = Field("", regex="^a", example="x")


def search(Query=None):
    q = Query(None, regex="^a")
    return q


class Local:
    def method(self):
        Field = dict
        return Field(min_items=1)
