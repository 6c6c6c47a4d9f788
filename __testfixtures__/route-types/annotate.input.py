from typing import List, Optional

from fastapi import APIRouter, FastAPI, status

from . import schemas
from .schemas import Item

app = FastAPI()
router = APIRouter()


@router.get("/items", response_model=List[Item])
async def list_items(skip: int = 0, limit: int = 10):
    return await repo.list(skip, limit)


@router.get("/items/{item_id}", response_model=Optional[schemas.Item], tags=["items"])
async def read_item(
    item_id: int,
):  # the item, or null
    return await repo.get(item_id)


@router.put("/items/{item_id}", response_model=dict[str, Item | None])
def replace(item_id: int):
    return repo.replace(item_id)


@router.delete("/items/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_item(item_id: int):
    await repo.delete(item_id)


@app.get("/ping", include_in_schema=False)
def ping():
    return


async def count():
    return repo.count()


app.add_api_route("/count", count, response_model=int)
