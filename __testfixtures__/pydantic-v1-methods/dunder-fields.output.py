from pydantic import BaseModel


class Point(BaseModel):
    x: int
    y: int


def describe(p: Point):
    names = list(Point.model_fields)
    same = type(p).model_fields
    given = p.model_fields_set
    return names, same, given
