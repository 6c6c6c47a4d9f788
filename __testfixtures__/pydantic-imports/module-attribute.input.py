import pydantic


class Settings(pydantic.BaseSettings):
    loader: pydantic.PyObject = "json.loads"


class Item(pydantic.BaseModel):
    name: str


@pydantic.validate_arguments
def make(name: str) -> Item:
    return Item(name=name)
