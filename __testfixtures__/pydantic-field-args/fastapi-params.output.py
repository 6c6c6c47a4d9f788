from typing import List, Optional

from fastapi import Body, Cookie, FastAPI, Header, Path, Query
from fastapi import params

app = FastAPI()


@app.get("/items/{item_id}")
async def read_item(
    item_id: str = Path(..., pattern="^[a-z0-9-]+$", examples=["abc-1"]),
    q: Optional[str] = Query(None, pattern="^[a-z]+", min_length=3),
    tags: List[str] = Query([], min_length=1, max_length=10),
    session: Optional[str] = Cookie(None, examples=["s3cr3t"], json_schema_extra={"x_internal": True}),
    agent: str = Header("", convert_underscores=False, deprecated=True),
    flag: bool = params.Query(False, const=True),
):
    return {"item_id": item_id}


@app.post("/items")
async def create_item(
    payload: dict = Body(
        ...,
        openapi_examples={
            "normal": {"summary": "A normal item", "value": {"name": "Foo"}},
        },
    ),
    extra: dict = Body({}, examples=[{"a": 1}], openapi_examples={"b": {"value": 2}}),
):
    return payload
