import re
from decimal import Decimal
from typing import Annotated, List, Optional

from fastapi import FastAPI, Query
from pydantic import BaseModel, Field, StringConstraints, TypeAdapter

app = FastAPI()

Username = Annotated[str, StringConstraints(min_length=3, max_length=20)]
Ids = List[Annotated[int, Field(gt=0)]]
adapter = TypeAdapter(Annotated[int, Field(gt=0)])


class Item(BaseModel):
    name: Annotated[str, StringConstraints(min_length=1, max_length=50, pattern=r"^[a-z]+$")]
    code: Annotated[str, StringConstraints(pattern=re.compile(r"^(?!x)"))]
    count: Annotated[int, Field(ge=0)] = 0
    price: Annotated[Decimal, Field(max_digits=10, decimal_places=2)]
    lines: Annotated[list[str], Field(min_length=1, max_length=50)]


@app.get("/items")
async def list_items(
    q: Optional[str] = Query(None, min_length=2, pattern="^[a-z]+$"),
    page: int = Query(1, ge=1),
):
    return []
