from typing import Generic, TypeVar

from pydantic import BaseModel


class Schema(BaseModel):
    id: int

    class Config:
        orm_mode = True


class Recipe(Schema):
    name: str = ""

    @classmethod
    def from_orm(cls, obj):
        recipe = super().from_orm(obj)
        recipe.name = recipe.name.strip()
        return recipe


class Tag(Schema):
    label: str = ""


T = TypeVar("T", bound=Schema)


class Repository(Generic[T]):
    def __init__(self, schema: type[T]) -> None:
        self.schema = schema

    def read(self, row):
        # a Recipe repository must still run Recipe.from_orm
        return self.schema.from_orm(row)


def load(recipe_row, tag_row):
    return Recipe.from_orm(recipe_row), Tag.from_orm(tag_row)
