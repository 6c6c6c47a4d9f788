from typing import Generic, List, TypeVar

from pydantic import BaseModel

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: List[T]
    total: int


class Envelope(BaseModel, Generic[T]):
    data: T


class User(BaseModel):
    name: str


def is_generic(cls: type) -> bool:
    return issubclass(cls, BaseModel)


UserPage = Page[User]
