from typing import List

from pydantic import BaseModel, Field


class Item(BaseModel):
    sku: str = Field(..., pattern=r"^[A-Z]{3}-\d+$")
    code: str = Field(..., pattern="^[a-z]+")
    slug: str = Field("a", pattern="^(?:^draft|^final)")
    tags: List[str] = Field([], min_length=1, max_length=5)
    owner: str = Field("me", frozen=True)
    note: str = Field("", description="free text")
    price: float = Field(..., examples=[9.99], gt=0)
