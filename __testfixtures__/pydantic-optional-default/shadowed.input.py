import typing as t
from typing import Any, Optional

from pydantic import BaseModel


def Field(*args, **kwargs):
    return kwargs


class Optional:  # noqa: F811 - shadows typing.Optional from here on
    def __class_getitem__(cls, item):
        return item


class Record(BaseModel):
    name: Optional[str]
    meta: t.Optional[int] = Field(description="not pydantic's Field")


class Other(BaseModel):
    Any = int
    value: Any
