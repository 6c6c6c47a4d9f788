from pydantic import BaseModel, field_validator, ValidationInfo, model_validator, Field
from typing import Annotated


def strip_all(cls, values):
    return {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}


def upper(v):
    return v.upper()


def normalize(cls, v):
    return v.lower()


def _suffix(cls, v, info: ValidationInfo):
    return v + str(info.data.get("a"))


def _ordered(self):
    if self.low > self.high:
        raise ValueError("low > high")
    return self


def checked(cls, v, info: ValidationInfo):
    if not v:
        raise ValueError(f"{info.field_name} is empty")
    return v


class Names(BaseModel):
    a: str
    b: str = "x"
    c: Annotated[str, Field(validate_default=True)] = ""

    _strip = model_validator(mode="before")(classmethod(strip_all))
    _upper = field_validator("a")(upper)
    _normalize = field_validator("b", mode="before")(classmethod(normalize))
    _suffix = field_validator("b")(classmethod(_suffix))
    _checked = field_validator("c")(classmethod(checked))


class Other(BaseModel):
    a: str
    b: str

    _normalize = field_validator("b")(classmethod(normalize))
    _suffix_b = field_validator("b")(classmethod(_suffix))


class Window(BaseModel):
    low: int
    high: int

    _ordered = model_validator(mode="after")(_ordered)
