from pydantic import BaseModel, ValidationError
from pydantic.v1.errors import PydanticValueError
from pydantic_core import PydanticCustomError
from pydantic.v1.error_wrappers import get_exc_type


class NotFoundError(PydanticValueError):
    code = "not_found"
    msg_template = "{msg}"


class ExistsError(PydanticValueError):
    code = "exists"
    msg_template = "{msg}"


class PriorityRead(BaseModel):
    name: str


def get_default_or_raise(priority):
    if not priority:
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
                    (NotFoundError(msg="No default priority defined."), ("priority",)),
                ]
            ],
            title=PriorityRead.__name__,
            hide_input=True,
        )
    return priority


def login(user, password_ok):
    if user and password_ok:
        return user
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
                (NotFoundError(msg="Invalid username."), ("username",)),
                (ExistsError(msg="Invalid password.", hint="reset"), ("body", 0)),
                (ValueError("plain"), (["body", "list"],)),
            ]
        ],
        title=PriorityRead.__name__,
        hide_input=True,
    )


def create(existing):
    if existing:
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
                    (ExistsError(msg="Exists."), ("name",)),
                ]
            ],
            title=PriorityRead.__name__,
            hide_input=True,
        )


def update(item, name):
    if item.name != name:
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
                    (
                        ExistsError(
                            msg="An item with this name already exists.",
                            name=name,
                        ),
                        ("name",),
                    ),
                ]
            ],
            title=PriorityRead.__name__,
            hide_input=True,
        )


def handle(call):
    try:
        return call()
    except ValidationError as e:
        return {"detail": e.errors()}
