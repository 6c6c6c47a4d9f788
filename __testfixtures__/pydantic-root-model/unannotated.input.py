from pydantic import BaseModel


class Names(BaseModel):
    __root__ = []


class Title(BaseModel):
    __root__ = "untitled"


class Flags(BaseModel):
    __root__ = {"a": True}


class Pair(BaseModel):
    __root__ = (1, "a")


def first(names: Names):
    return names.__root__[0]
