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
        return self.schema.model_validate(row)

    def names(self):
        return list(self.schema.model_fields)


class Users(Repository[Schema]):
    def first(self, row):
        return self.schema.model_validate(row).model_dump()


def cast(item: BaseModel, cls: type[T]) -> T:
    data = {k: getattr(item, k) for k in type(item).model_fields if k in cls.model_fields}
    return cls.model_validate(data)


def merge(dest: T, src: Optional[T]) -> T:
    for field in type(dest).model_fields:
        if src is not None and field in type(src).model_fields:
            setattr(dest, field, getattr(src, field))
    return dest


def copy_of(item: U) -> U:
    return item.model_copy(update={"id": 0})
