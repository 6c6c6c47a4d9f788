from typing import List

from mylib.types import conint, conlist


def constr(**kwargs):
    return str


Name = constr(max_length=3)


class Order:
    quantity: conint(gt=0) = 1
    lines: conlist(str, min_items=1) = []
    names: List[constr(strip_whitespace=True)] = []
