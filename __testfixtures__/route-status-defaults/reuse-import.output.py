import fastapi
from pydantic import BaseModel
from starlette import status as codes

router = fastapi.APIRouter()


class Order(BaseModel):
    id: int


@router.post("/orders", status_code=codes.HTTP_201_CREATED)
async def create_order():
    return Order(id=1)
