from fastapi import APIRouter, status
from pydantic import BaseModel

router = APIRouter()


class Item(BaseModel):
    id: int


@router.post(
    "/items",
    tags=["items"],  # grouped in /docs
    status_code=status.HTTP_201_CREATED,
)
async def create_item():
    return Item(id=1)


@router.delete("/items/{item_id}", status_code=status.HTTP_204_NO_CONTENT)  # soft delete
async def delete_item(item_id: int):
    pass
