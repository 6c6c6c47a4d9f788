from typing import Dict, List

from pydantic import BaseModel


class Tags(BaseModel):
    __root__: List[str]

    def __iter__(self):
        return iter(self.__root__)

    def __getitem__(self, index: int) -> str:
        return self.__root__[index]


class Scores(BaseModel):
    """Points per player."""

    __root__: Dict[str, int] = {}


def first_tag(tags: Tags) -> str:
    return tags.__root__[0]


def build() -> Scores:
    scores = Scores(__root__={"ann": 1})
    scores.__root__["bob"] = 2
    parsed = Tags.parse_obj(["a", "b"])
    return scores if parsed.__root__ else Scores()
