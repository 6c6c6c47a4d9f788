from app.schemas import Tags


def first(tags: Tags) -> str:
    return tags.root[0]


def make() -> Tags:
    return Tags(root=["a"])
