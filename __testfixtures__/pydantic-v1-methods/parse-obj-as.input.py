from typing import List

from pydantic import BaseModel, parse_obj_as, parse_raw_as


class Tag(BaseModel):
    name: str


def tags(data, raw):
    many = parse_obj_as(List[Tag], data)
    more = parse_raw_as(List[Tag], raw)
    return many, more
