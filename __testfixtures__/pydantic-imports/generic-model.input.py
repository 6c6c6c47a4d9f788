from typing import Generic, List, TypeVar

from pydantic import BaseModel
from pydantic.generics import GenericModel

T = TypeVar("T")


class Page(GenericModel, Generic[T]):
    items: List[T]
    total: int


class Envelope(GenericModel, Generic[T]):
    data: T


class User(BaseModel):
    name: str


def is_generic(cls: type) -> bool:
    return issubclass(cls, GenericModel)


UserPage = Page[User]
