from typing import List, Literal

from pydantic import BaseModel, Field


class Event(BaseModel):
    kind: Literal["click"] = "click"
    tags: List[str] = Field([], unique_items=True, max_length=3)
    source: str = Field("web")
    labels: List[str] = Field([])
    secret: str = Field("", include={"a"})
    hidden: str = Field("", exclude={"x"})
    plain: str = Field("", exclude=True)
    frozen_by: str = Field("", allow_mutation=flag)
    both: str = Field("", regex="^a", pattern="^b")
    twice: List[int] = Field([], min_items=1, min_length=2)
    more: List[int] = Field([], example=[1], examples=[[2]])
