from pydantic import BaseModel, root_validator, validator


def strip_all(cls, values):
    return {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}


def upper(v):
    return v.upper()


def normalize(cls, v):
    return v.lower()


def _suffix(cls, v, values):
    return v + str(values.get("a"))


def _ordered(cls, values):
    if values["low"] > values.get("high"):
        raise ValueError("low > high")
    return values


def checked(cls, v, values, field):
    if not v:
        raise ValueError(f"{field.name} is empty")
    return v


class Names(BaseModel):
    a: str
    b: str = "x"
    c: str = ""

    _strip = root_validator(pre=True, allow_reuse=True)(strip_all)
    _upper = validator("a", allow_reuse=True)(upper)
    _normalize = validator("b", pre=True, allow_reuse=True)(normalize)
    _suffix = validator("b", allow_reuse=True)(_suffix)
    _checked = validator("c", always=True, allow_reuse=True)(checked)


class Other(BaseModel):
    a: str
    b: str

    _normalize = validator("b", allow_reuse=True)(normalize)
    _suffix_b = validator("b", allow_reuse=True)(_suffix)


class Window(BaseModel):
    low: int
    high: int

    _ordered = root_validator(skip_on_failure=True, allow_reuse=True)(_ordered)
