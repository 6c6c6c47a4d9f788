from pydantic import RootModel


class Names(RootModel[list]):
    root: list = []


class Title(RootModel[str]):
    root: str = "untitled"


class Flags(RootModel[dict]):
    root: dict = {"a": True}


class Pair(RootModel[tuple]):
    root: tuple = (1, "a")


def first(names: Names):
    return names.root[0]
