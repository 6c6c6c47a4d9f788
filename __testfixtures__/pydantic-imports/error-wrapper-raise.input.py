from pydantic import BaseModel
from pydantic.error_wrappers import ErrorWrapper, ValidationError
from pydantic.errors import PydanticValueError


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
        raise ValidationError(
            [
                ErrorWrapper(
                    NotFoundError(msg="No default priority defined."),
                    loc="priority",
                )
            ],
            model=PriorityRead,
        )
    return priority


def login(user, password_ok):
    if user and password_ok:
        return user
    raise ValidationError(
        [
            ErrorWrapper(NotFoundError(msg="Invalid username."), loc="username"),
            ErrorWrapper(ExistsError(msg="Invalid password.", hint="reset"), ("body", 0)),
            ErrorWrapper(exc=ValueError("plain"), loc=["body", "list"]),
        ],
        PriorityRead,
    )


def create(existing):
    if existing:
        raise ValidationError([ErrorWrapper(ExistsError(msg="Exists."), loc="name")], model=PriorityRead)


def update(item, name):
    if item.name != name:
        raise ValidationError(
            errors=[
                ErrorWrapper(
                    loc="name",
                    exc=ExistsError(
                        msg="An item with this name already exists.",
                        name=name,
                    ),
                )
            ],
            model=PriorityRead,
        )


def handle(call):
    try:
        return call()
    except ValidationError as e:
        return {"detail": e.errors()}
