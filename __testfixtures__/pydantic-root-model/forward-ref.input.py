from __future__ import annotations

from typing import List, Optional

from pydantic import BaseModel, Field


class Node(BaseModel):
    name: str
    children: Optional[Forest] = None


class Forest(BaseModel):
    __root__: List["Node"] = Field(default_factory=list)

    def names(self) -> list[str]:
        return [node.name for node in self.__root__]


Node.update_forward_refs()
