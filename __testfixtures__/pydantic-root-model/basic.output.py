from typing import Dict, List

from pydantic import RootModel


class Tags(RootModel[List[str]]):
    def __iter__(self):
        return iter(self.root)

    def __getitem__(self, index: int) -> str:
        return self.root[index]


class Scores(RootModel[Dict[str, int]]):
    """Points per player."""

    root: Dict[str, int] = {}


def first_tag(tags: Tags) -> str:
    return tags.root[0]


def build() -> Scores:
    scores = Scores(root={"ann": 1})
    scores.root["bob"] = 2
    parsed = Tags.parse_obj(["a", "b"])
    return scores if parsed.root else Scores()
