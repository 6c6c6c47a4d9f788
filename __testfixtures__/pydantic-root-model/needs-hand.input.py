from typing import TYPE_CHECKING, Generic, List, TypeVar

from pydantic import BaseModel, validator
from pydantic.generics import GenericModel

if TYPE_CHECKING:
    from app.items import Item

T = TypeVar("T")


class Mixed(BaseModel):
    __root__: List[str]
    extra: int = 0


class Configured(BaseModel):
    __root__: List[str]

    class Config:
        frozen = True


class Base(BaseModel):
    pass


class Derived(Base):
    __root__: List[str]


class Page(GenericModel, Generic[T]):
    __root__: List[T]


class Checked(BaseModel):
    __root__: List[str]

    @validator("__root__")
    def not_empty(cls, value):
        assert value
        return value


class Later(BaseModel):
    __root__: List[Node]


class Node(BaseModel):
    name: str


class Hidden(BaseModel):
    __root__: List[Item]


def size(value) -> int:
    return len(value.__root__) + len(Configured(__root__=[]).__root__)
