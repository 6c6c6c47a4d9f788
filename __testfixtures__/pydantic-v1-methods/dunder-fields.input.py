from pydantic import BaseModel


class Point(BaseModel):
    x: int
    y: int


def describe(p: Point):
    names = list(Point.__fields__)
    same = p.__fields__
    given = p.__fields_set__
    return names, same, given
