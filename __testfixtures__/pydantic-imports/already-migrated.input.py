from typing import Generic, TypeVar

from pydantic import BaseModel, ImportString, ValidationError, validate_call
from pydantic_extra_types.color import Color
from pydantic_settings import BaseSettings

T = TypeVar("T")


class Settings(BaseSettings):
    loader: ImportString = "json.loads"
    theme: Color = Color("red")


class Page(BaseModel, Generic[T]):
    items: list[T]


@validate_call
def load(raw: str) -> Settings:
    try:
        return Settings.model_validate_json(raw)
    except ValidationError:
        return Settings()
