from pydantic import BaseModel, ValidationError
from pydantic.error_wrappers import ErrorWrapper


class Item(BaseModel):
    name: str


def missing():
    raise ValidationError([ErrorWrapper(KeyError("name"), loc="name")], model=Item)


def wrap(exc):
    return ErrorWrapper(exc, loc="name")
