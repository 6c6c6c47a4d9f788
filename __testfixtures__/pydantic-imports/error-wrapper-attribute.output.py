import pydantic
import pydantic.error_wrappers
from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError
from pydantic.v1.error_wrappers import get_exc_type


class Item(BaseModel):
    name: str


def check(item):
    if not item.name:
        raise ValidationError.from_exception_data(
            line_errors=[
                {
                    "type": PydanticCustomError(
                        get_exc_type(exc.__class__), str(exc), exc.__dict__ or None
                    ),
                    "loc": loc,
                    "input": None,
                }
                for exc, loc in [
                    (ValueError("empty name"), ("item", "name")),
                ]
            ],
            title=Item.__name__,
            hide_input=True,
        )
    return item


def check_again(item):
    if not item.name:
        raise pydantic.ValidationError.from_exception_data(
            line_errors=[
                {
                    "type": PydanticCustomError(
                        get_exc_type(exc.__class__), str(exc), exc.__dict__ or None
                    ),
                    "loc": loc,
                    "input": None,
                }
                for exc, loc in [
                    (AssertionError(), ("name",)),
                ]
            ],
            title=Item.__name__,
            hide_input=True,
        )
    return item
