from typing import List, Optional

from fastapi import Body, Cookie, FastAPI, Header, Path, Query
from fastapi import params

app = FastAPI()


@app.get("/items/{item_id}")
async def read_item(
    item_id: str = Path(..., regex="^[a-z0-9-]+$", example="abc-1"),
    q: Optional[str] = Query(None, regex="[a-z]+", min_length=3),
    tags: List[str] = Query([], min_items=1, max_items=10, include={"x"}),
    session: Optional[str] = Cookie(None, example="s3cr3t", x_internal=True),
    agent: str = Header("", convert_underscores=False, deprecated=True),
    flag: bool = params.Query(False, const=True),
):
    return {"item_id": item_id}


@app.post("/items")
async def create_item(
    payload: dict = Body(
        ...,
        examples={
            "normal": {"summary": "A normal item", "value": {"name": "Foo"}},
        },
    ),
    extra: dict = Body({}, example={"a": 1}, examples={"b": {"value": 2}}),
):
    return payload
