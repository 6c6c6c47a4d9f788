import functools
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, PrivateAttr, computed_field


def helper(value):
    return value


class Item(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    count: ClassVar[int] = 0
    price = 1.5  # annotated below, so already a field
    price: float
    _cache = {}
    _secret = PrivateAttr(default="x")
    __slots__ = ()
    normalise = helper
    to_upper = lambda self: self.name.upper()  # noqa: E731
    cached = functools.cached_property(lambda self: 1)
    total = property(lambda self: 2)

    class Kind:
        pass

    Alias = Kind

    class Config:
        orm_mode = True

    def describe(self) -> str:
        label = "item"
        return f"{label}: {self.name}"

    @computed_field
    def doubled(self) -> float:
        return self.price * 2
