from pydantic import RootModel


class Tags(RootModel[list[str]]):
    def __iter__(self):
        return iter(self.root)


def first(tags: Tags) -> str:
    return tags.root[0]
