class Tree:
    __root__ = None

    def __init__(self, root):
        self.__root__ = root


def walk(tree):
    return tree.__root__


def factory(BaseModel):
    class Local(BaseModel):
        __root__: list

    return Local
