from pydantic import BaseModel


class Item(BaseModel):
    name: str


def use(Item, item: dict):
    Item = something_else()
    return Item.parse_obj({}), item.copy()


def other(item: Item):
    item = {"name": "x"}
    return item.dict()
