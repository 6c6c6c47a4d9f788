from fastapi import APIRouter
from pydantic import BaseModel

router = APIRouter()
status = "draft"
http_status = 0


class Order(BaseModel):
    id: int


@router.post("/orders")
async def create_order(order: Order) -> Order:
    return order
