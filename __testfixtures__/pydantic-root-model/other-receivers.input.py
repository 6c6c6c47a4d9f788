from pydantic import BaseModel


class Tree:
    def __init__(self, root):
        self.__root__ = root

    def get(self):
        return self.__root__


class Plain(BaseModel):
    name: str


def f(p: Plain, t: Tree):
    return p.__root__, t.__root__
