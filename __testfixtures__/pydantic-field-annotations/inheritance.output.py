import datetime
from typing import ClassVar, Optional

from pydantic import BaseModel


class Root(BaseModel):
    ratio: float = 1.0
    limit: Optional[int] = None
    registry: ClassVar[dict] = {}
    created: datetime.datetime = datetime.datetime(2020, 1, 1)
    level: int = 0


class Middle(Root):
    page: int = 1


class Leaf(Middle):
    ratio: float = 2.0
    limit: int = 10
    registry = {"leaf": 1}
    page: int = 2
    title: str = "leaf"
    created: datetime.datetime = datetime.datetime(2021, 1, 1)
    level: bool = True
