from pydantic import BaseModel, ValidationError
from pydantic.v1.error_wrappers import ErrorWrapper


class Item(BaseModel):
    name: str


def built_elsewhere(exc):
    errors = [ErrorWrapper(exc, loc="name")]
    raise ValidationError(errors, model=Item)


def comprehension(problems):
    raise ValidationError([ErrorWrapper(ValueError(p), loc=p) for p in problems], model=Item)


def caught(data):
    try:
        return Item.parse_obj(data)
    except ValidationError as e:
        raise ValidationError([ErrorWrapper(e, loc="item")], model=Item)


def computed_loc(field):
    raise ValidationError([ErrorWrapper(ValueError("bad"), loc=field)], model=Item)


def mixed(exc):
    raise ValidationError([ErrorWrapper(ValueError("bad"), loc="a"), exc], model=Item)


def either(flag, exc):
    raise (
        ValidationError([ErrorWrapper(ValueError("a"), loc="a")], model=Item)
        if flag
        else ValidationError([exc], model=Item)
    )


def stray(exc):
    raise ValidationError(
        [ErrorWrapper(ValueError("a"), loc="a")], model=Item
    ) from ErrorWrapper(exc, loc="b").exc


def shadowed(str):
    raise ValidationError([ErrorWrapper(ValueError(str), loc="a")], model=Item)
