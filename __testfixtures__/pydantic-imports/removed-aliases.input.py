from datetime import datetime

from pydantic import BaseModel, NoneStr, Required
from pydantic.datetime_parse import parse_datetime
from pydantic.types import NoneBytes, StrBytes
from pydantic.typing import is_classvar as classvar


class Recipe(BaseModel):
    name: str = Required
    description: NoneStr = None
    image: NoneBytes
    raw: list[StrBytes] = []


def when(value: str) -> datetime:
    return parse_datetime(value)


def is_class_variable(annotation) -> bool:
    return classvar(annotation)
