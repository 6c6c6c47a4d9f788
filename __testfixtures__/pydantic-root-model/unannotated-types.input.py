from typing import List

from pydantic import BaseModel


class Typed(BaseModel):
    __root__ = List[str]


class Klass(BaseModel):
    __root__ = str


def helper():
    return 1


class Func(BaseModel):
    __root__ = helper
