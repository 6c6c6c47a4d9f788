import pydantic.error_wrappers
from pydantic.error_wrappers import ValidationError


def parse(model, data):
    try:
        return model.parse_obj(data)
    except ValidationError as exc:
        return exc.errors()


def parse_again(model, data):
    try:
        return model.parse_obj(data)
    except pydantic.error_wrappers.ValidationError:
        return None
