from typing import List

from pydantic import BaseModel, Field


class Item(BaseModel):
    sku: str = Field(..., regex=r"^[A-Z]{3}-\d+$")
    code: str = Field(..., regex="[a-z]+")
    slug: str = Field("a", regex="^draft|^final")
    tags: List[str] = Field([], min_items=1, max_items=5)
    owner: str = Field("me", allow_mutation=False)
    note: str = Field("", allow_mutation=True, description="free text")
    price: float = Field(..., example=9.99, gt=0)
