import pydantic.error_wrappers
from pydantic import ValidationError


def parse(model, data):
    try:
        return model.parse_obj(data)
    except ValidationError as exc:
        return exc.errors()


def parse_again(model, data):
    try:
        return model.parse_obj(data)
    except pydantic.ValidationError:
        return None
