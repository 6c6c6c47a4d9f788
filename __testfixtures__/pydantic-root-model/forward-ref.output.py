from __future__ import annotations

from typing import List, Optional

from pydantic import RootModel, BaseModel, Field


class Node(BaseModel):
    name: str
    children: Optional[Forest] = None


class Forest(RootModel[List["Node"]]):
    root: List["Node"] = Field(default_factory=list)

    def names(self) -> list[str]:
        return [node.name for node in self.root]


Node.update_forward_refs()
