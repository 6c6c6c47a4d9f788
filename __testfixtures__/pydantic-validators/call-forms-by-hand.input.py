from functools import lru_cache

from pydantic import BaseModel, root_validator, validator

from app.checks import shared_check


def _suffix(cls, v, values):
    return v + str(values.get("a"))


def _merge(cls, values):
    values.update({"b": values.get("a")})
    return values


def strip_item(v):
    return v.strip()


@lru_cache
def cached(cls, v):
    return v


def public_suffix(cls, v, values):
    return v + str(values.get("a"))


class Names(BaseModel):
    a: str
    b: str = "x"

    _shared = validator("a", allow_reuse=True)(shared_check)
    _inline = validator("a", allow_reuse=True)(lambda v: v.strip())
    _suffix = validator("b", allow_reuse=True)(_suffix)
    _items = validator("b", each_item=True, allow_reuse=True)(strip_item)
    _merge = root_validator(allow_reuse=True)(_merge)
    _public = validator("b", allow_reuse=True)(public_suffix)
    _cached = validator("a", allow_reuse=True)(cached)


def direct():
    return _suffix(Names, "x", {"a": 1})
