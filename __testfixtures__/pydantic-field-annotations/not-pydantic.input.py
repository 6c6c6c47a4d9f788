import enum
from dataclasses import dataclass


class Plain:
    is_sale = True
    tags = ["a", "b"]


@dataclass
class Point:
    x: int = 0
    label = "point"


class Colour(enum.Enum):
    RED = "red"
    GREEN = "green"


def factory(BaseModel):
    class Local(BaseModel):
        flag = True

    return Local


class Unknown(SomethingElse):
    flag = True
