from typing import Generic, Optional, Type, TypeVar

from pydantic import BaseModel


class Schema(BaseModel):
    id: int

    class Config:
        orm_mode = True


S = TypeVar("S", bound=Schema)
T = TypeVar("T", bound=BaseModel)
U = TypeVar("U", bound="Schema")


class Repository(Generic[S]):
    schema: Type[S]

    def __init__(self, schema: Type[S]) -> None:
        self.schema = schema

    def get(self, row) -> S:
        return self.schema.from_orm(row)

    def names(self):
        return list(self.schema.__fields__)


class Users(Repository[Schema]):
    def first(self, row):
        return self.schema.from_orm(row).dict()


def cast(item: BaseModel, cls: type[T]) -> T:
    data = {k: getattr(item, k) for k in item.__fields__ if k in cls.__fields__}
    return cls.parse_obj(data)


def merge(dest: T, src: Optional[T]) -> T:
    for field in dest.__fields__:
        if src is not None and field in src.__fields__:
            setattr(dest, field, getattr(src, field))
    return dest


def copy_of(item: U) -> U:
    return item.copy(update={"id": 0})
