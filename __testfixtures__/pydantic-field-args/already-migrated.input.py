from typing import Annotated, Optional

from fastapi import FastAPI, Query
from pydantic import BaseModel, Field, StringConstraints

app = FastAPI()


class Item(BaseModel):
    sku: str = Field(..., pattern=r"^[A-Z]{3}-\d+$", examples=["ABC-1"])
    tags: list[str] = Field([], min_length=1, max_length=5)
    owner: str = Field("me", frozen=True, json_schema_extra={"ui_widget": "text"})
    name: Annotated[str, StringConstraints(min_length=1, max_length=50)]
    count: Annotated[int, Field(ge=0)] = 0
    alias_field: str = Field("", alias="aliasField", validation_alias="af", exclude=True)


@app.get("/items")
async def list_items(
    q: Optional[str] = Query(None, pattern="^[a-z]+$", examples=["abc"]),
    page: Annotated[int, Query(ge=1)] = 1,
):
    return []
