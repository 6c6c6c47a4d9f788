from enum import Enum

from fastapi import APIRouter, status as http_status
from pydantic import BaseModel

router = APIRouter()


class status(str, Enum):
    new = "new"
    paid = "paid"


class Order(BaseModel):
    status: status


@router.post("/orders", status_code=http_status.HTTP_201_CREATED)
async def create_order(state: status = status.new):
    return Order(status=state)


@router.delete("/orders/{order_id}", status_code=http_status.HTTP_204_NO_CONTENT)
async def delete_order(order_id: int):
    orders.pop(order_id)
