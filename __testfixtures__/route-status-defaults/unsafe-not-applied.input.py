from fastapi import APIRouter

router = APIRouter()


@router.post("/orders")
async def create_order(status: str = "new"):
    return {"status": status}


@router.delete("/orders/{order_id}")
async def delete_order(order_id: int):
    orders.pop(order_id)
