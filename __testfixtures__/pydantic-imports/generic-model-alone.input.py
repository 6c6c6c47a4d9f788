from typing import Generic, TypeVar

from pydantic.generics import GenericModel

T = TypeVar("T")


class Response(GenericModel, Generic[T]):
    data: T
    error: str | None = None
