from typing import List, Union

from pydantic import TypeAdapter, conint, conlist, constr, parse_obj_as

Username = constr(min_length=3, max_length=20)
Scores = List[conint(ge=0, le=10)]
Ids = Union[conint(gt=0), constr(regex="^id-")]
Matrix = conlist(conlist(float, min_items=2), min_items=2)

adapter = TypeAdapter(conint(gt=0))
ports = parse_obj_as(List[conint(gt=0, lt=65536)], ["80"])


class ShortName(constr(max_length=8)):
    pass


def check(value):
    return isinstance(value, constr(max_length=8))
