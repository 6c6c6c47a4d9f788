from app.schemas import Tags


def first(tags: Tags) -> str:
    return tags.__root__[0]


def make() -> Tags:
    return Tags(__root__=["a"])
