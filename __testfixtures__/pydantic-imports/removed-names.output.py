import pydantic
import pydantic.error_wrappers
from pydantic import BaseModel, ConstrainedStr
from pydantic.v1.error_wrappers import ErrorWrapper

try:
    from pydantic.datetime_parse import parse_datetime
except ImportError:  # Pydantic v2
    parse_datetime = None


class Name(ConstrainedStr):
    max_length = 10


class Person(BaseModel):
    name: Name


def wrap(exc):
    return pydantic.error_wrappers.ErrorWrapper(exc, loc="x"), ErrorWrapper(exc, loc="y")
