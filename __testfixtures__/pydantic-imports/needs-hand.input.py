from typing import Generic, TypeVar

from pydantic import BaseModel, PyObject, validate_arguments
from pydantic.generics import GenericModel

__all__ = ["PyObject", "Page", "total"]

T = TypeVar("T")


class Page(GenericModel, BaseModel, Generic[T]):
    items: list[T]


class Config:
    arbitrary_types_allowed = True


@validate_arguments
def total(values: list[int]) -> int:
    return sum(values)


@validate_arguments(config=Config)
def first(values: list[int]) -> int:
    return values[0]


schema = total.model.schema()
checked_len = validate_arguments(len)
wrappers = [validate_arguments]


class Service:
    @validate_arguments
    @classmethod
    def build(cls, size: int) -> "Service":
        return cls()
