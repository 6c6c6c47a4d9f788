import fastapi
from starlette import status as codes

router = fastapi.APIRouter()


@router.post("/orders", status_code=codes.HTTP_201_CREATED)
async def create_order():
    return {"id": 1}
