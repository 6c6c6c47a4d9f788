from typing import Generic, Type, TypeVar

from pydantic import BaseModel


class Schema(BaseModel):
    id: int


Any_ = TypeVar("Any_")
Either = TypeVar("Either", Schema, dict)
S = TypeVar("S", bound=Schema)


def unbound(cls: type[Any_]):
    return cls.parse_obj({})


def constrained(cls: type[Either]):
    return cls.parse_obj({})


class Loose:
    def __init__(self, schema):
        self.schema = schema

    def get(self, row):
        return self.schema.from_orm(row)


class Mixed:
    def __init__(self, schema: type[Schema]):
        self.schema = schema

    def reset(self):
        self.schema = None

    def get(self, row):
        return self.schema.from_orm(row)


class Computed(Generic[S]):
    def __init__(self, schema: Type[S]) -> None:
        self._schema = schema

    @property
    def schema(self):
        return self._schema

    def get(self, row):
        return self.schema.from_orm(row)


class Quoted:
    def __init__(self, schema: "type[Schema]"):
        self.schema = schema

    def get(self, row):
        return self.schema.parse_obj(row)
