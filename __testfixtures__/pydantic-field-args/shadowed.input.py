from fastapi import Query
from pydantic import BaseModel, Field, constr


def Field(*args, **kwargs):  # noqa: F811 - a local helper that happens to share the name
    return kwargs


class Form(BaseModel):
    name: str = Field("", regex="^a", example="x")


def search(Query=None, constr=str):
    q = Query(None, regex="^a")
    kind = constr(max_length=3)
    return q, kind


class Local:
    def method(self):
        Field = dict
        return Field(min_items=1)
