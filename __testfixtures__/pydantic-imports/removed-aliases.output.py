from datetime import datetime

from pydantic import BaseModel
from pydantic.v1.datetime_parse import parse_datetime
from pydantic.v1.typing import is_classvar as classvar
from typing import Optional, Union


class Recipe(BaseModel):
    name: str = ...
    description: Optional[str] = None
    image: Optional[bytes]
    raw: list[Union[str, bytes]] = []


def when(value: str) -> datetime:
    return parse_datetime(value)


def is_class_variable(annotation) -> bool:
    return classvar(annotation)
