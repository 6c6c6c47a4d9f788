from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

router = APIRouter()


class Item(BaseModel):
    id: int
    name: str = ""


@router.get("/items/{item_id}")
async def read_item(item_id: int) -> Item:
    if item_id < 0:
        raise HTTPException(status_code=404, detail="Not found")
    item = Item(id=item_id, name=str(item_id))
    return Item.model_validate(item.model_dump())


@router.get("/blocking")
def blocking(db):
    return db.query("SELECT 1")


@router.get("/already")
async def already():
    return {}


@router.websocket("/ws")
def ws(websocket):
    return None
