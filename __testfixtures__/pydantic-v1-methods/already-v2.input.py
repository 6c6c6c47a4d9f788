from pydantic import BaseModel


class Item(BaseModel):
    name: str


def use(item: Item):
    return item.model_dump(), Item.model_validate({}), item.model_copy(), Item.model_fields
