from typing import List

from pydantic import BaseModel, TypeAdapter


class Tag(BaseModel):
    name: str


def tags(data, raw):
    many = TypeAdapter(List[Tag]).validate_python(data)
    more = TypeAdapter(List[Tag]).validate_json(raw)
    return many, more
