from typing import List, Union, Annotated

from pydantic import TypeAdapter, constr, parse_obj_as, StringConstraints, Field

Username = Annotated[str, StringConstraints(min_length=3, max_length=20)]
Scores = List[Annotated[int, Field(ge=0, le=10)]]
Ids = Union[Annotated[int, Field(gt=0)], Annotated[str, StringConstraints(pattern="^id-")]]
Matrix = Annotated[list[Annotated[list[float], Field(min_length=2)]], Field(min_length=2)]

adapter = TypeAdapter(Annotated[int, Field(gt=0)])
ports = parse_obj_as(List[Annotated[int, Field(gt=0, lt=65536)]], ["80"])


class ShortName(constr(max_length=8)):
    pass


def check(value):
    return isinstance(value, constr(max_length=8))
