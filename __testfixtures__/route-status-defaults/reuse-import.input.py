import fastapi
from pydantic import BaseModel
from starlette import status as codes

router = fastapi.APIRouter()


class Order(BaseModel):
    id: int


@router.post("/orders")
async def create_order():
    return Order(id=1)
