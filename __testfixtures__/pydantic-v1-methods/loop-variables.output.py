from typing import List

from pydantic import BaseModel


class Item(BaseModel):
    name: str


class Batch(BaseModel):
    __root__: List[Item]


class Order(BaseModel):
    items: List[Item]


def dump_batch(batch: Batch):
    return [item.model_dump() for item in batch.__root__]


def dump_order(order: Order):
    out = []
    for item in order.items:
        out.append(item.model_dump())
    return out


def dump_list(items: list[Item], rows: list):
    return [i.model_dump_json() for i in items], [r.dict() for r in rows]
