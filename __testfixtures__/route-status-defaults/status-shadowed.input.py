from enum import Enum

from fastapi import APIRouter
from pydantic import BaseModel

router = APIRouter()


class status(str, Enum):
    new = "new"
    paid = "paid"


class Order(BaseModel):
    status: status


@router.post("/orders")
async def create_order(state: status = status.new):
    return Order(status=state)


@router.delete("/orders/{order_id}")
async def delete_order(order_id: int):
    orders.pop(order_id)
