from fastapi import APIRouter
from pydantic import BaseModel

router = APIRouter()


class Item(BaseModel):
    id: int


@router.post(
    "/items",
    tags=["items"],  # grouped in /docs
)
async def create_item():
    return Item(id=1)


@router.delete("/items/{item_id}")  # soft delete
async def delete_item(item_id: int):
    pass
