from typing import Optional

from fastapi import APIRouter, Depends
from pydantic import BaseModel

router = APIRouter()


class Item(BaseModel):
    name: str
    price: float = 0

    def summary(self) -> dict:
        return self.dict(exclude={"price"})


class ItemUpdate(Item):
    pass


def get_current_item() -> Item:
    return Item(name="x")


@router.patch("/items/{item_id}")
async def update_item(item_id: int, patch: ItemUpdate, current: Item = Depends(get_current_item)):
    stored = current.dict()
    changes = patch.dict(exclude_unset=True)
    updated = current.copy(update=changes)
    built = Item(name="y")
    parsed = Item.parse_obj(stored)
    again = parsed.json(by_alias=True, indent=2)
    fresh = get_current_item().dict()
    maybe: Optional[Item] = None
    if maybe is not None:
        maybe.dict()
    return updated.dict(), built.json(), again, fresh


def forward(item: "Item") -> str:
    return item.json()
