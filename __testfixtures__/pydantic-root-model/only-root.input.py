import pydantic


class Names(pydantic.BaseModel):
    __root__: list[str]  # the names, in order


class Codes(pydantic.BaseModel):
    """Country codes."""

    __root__: list[str]


class Ids(pydantic.BaseModel):
    __root__ = [1, 2, 3]


def count(names: Names) -> int:
    return len(names.__root__)
