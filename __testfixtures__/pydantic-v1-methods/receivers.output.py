from typing import Optional

from fastapi import APIRouter, Depends
from pydantic import BaseModel

router = APIRouter()


class Item(BaseModel):
    name: str
    price: float = 0

    def summary(self) -> dict:
        return self.model_dump(exclude={"price"})


class ItemUpdate(Item):
    pass


def get_current_item() -> Item:
    return Item(name="x")


@router.patch("/items/{item_id}")
async def update_item(item_id: int, patch: ItemUpdate, current: Item = Depends(get_current_item)):
    stored = current.model_dump()
    changes = patch.model_dump(exclude_unset=True)
    updated = current.model_copy(update=changes)
    built = Item(name="y")
    parsed = Item.model_validate(stored)
    again = parsed.model_dump_json(by_alias=True, indent=2)
    fresh = get_current_item().model_dump()
    maybe: Optional[Item] = None
    if maybe is not None:
        maybe.model_dump()
    return updated.model_dump(), built.model_dump_json(), again, fresh


def forward(item: "Item") -> str:
    return item.model_dump_json()
