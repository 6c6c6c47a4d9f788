import pydantic
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    loader: pydantic.ImportString = "json.loads"


class Item(pydantic.BaseModel):
    name: str


@pydantic.validate_call
def make(name: str) -> Item:
    return Item(name=name)
