import pydantic
import pydantic.error_wrappers
from pydantic import BaseModel


class Item(BaseModel):
    name: str


def check(item):
    if not item.name:
        raise pydantic.error_wrappers.ValidationError(
            [pydantic.error_wrappers.ErrorWrapper(ValueError("empty name"), loc=("item", "name"))],
            model=Item,
        )
    return item


def check_again(item):
    if not item.name:
        raise pydantic.ValidationError(
            [pydantic.error_wrappers.ErrorWrapper(AssertionError(), loc="name")], model=Item
        )
    return item
