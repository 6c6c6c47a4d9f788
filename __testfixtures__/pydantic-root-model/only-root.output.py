import pydantic


class Names(pydantic.RootModel[list[str]]):
    pass  # the names, in order


class Codes(pydantic.RootModel[list[str]]):
    """Country codes."""


class Ids(pydantic.RootModel[list[int]]):
    root: list[int] = [1, 2, 3]


def count(names: Names) -> int:
    return len(names.root)
