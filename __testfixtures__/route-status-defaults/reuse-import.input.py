import fastapi
from starlette import status as codes

router = fastapi.APIRouter()


@router.post("/orders")
async def create_order():
    return {"id": 1}
