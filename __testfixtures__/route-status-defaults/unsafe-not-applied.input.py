from fastapi import APIRouter
from pydantic import BaseModel

router = APIRouter()


class Order(BaseModel):
    status: str


@router.post("/orders")
async def create_order(status: str = "new"):
    return Order(status=status)


@router.delete("/orders/{order_id}")
async def delete_order(order_id: int):
    orders.pop(order_id)
