import pydantic


class Names(pydantic.RootModel[list[str]]):
    pass  # the names, in order


class Codes(pydantic.RootModel[list[str]]):
    """Country codes."""


class Ids(pydantic.RootModel[list]):
    root: list = [1, 2, 3]


def count(names: Names) -> int:
    return len(names.root)
