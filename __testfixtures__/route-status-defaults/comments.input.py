from fastapi import APIRouter

router = APIRouter()


@router.post(
    "/items",
    tags=["items"],  # grouped in /docs
)
async def create_item():
    return {"id": 1}


@router.delete("/items/{item_id}")  # soft delete
async def delete_item(item_id: int):
    pass
