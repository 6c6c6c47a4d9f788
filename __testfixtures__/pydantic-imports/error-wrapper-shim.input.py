from pydantic import BaseModel

try:
    from pydantic.error_wrappers import ErrorWrapper, ValidationError
except ImportError:  # Pydantic v2
    from pydantic.v1.error_wrappers import ErrorWrapper, ValidationError


class Item(BaseModel):
    name: str


def missing():
    raise ValidationError([ErrorWrapper(KeyError("name"), loc="name")], model=Item)
