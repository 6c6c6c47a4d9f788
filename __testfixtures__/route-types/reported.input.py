from fastapi import APIRouter, FastAPI, WebSocket
from fastapi.responses import HTMLResponse, JSONResponse, ORJSONResponse

from .schemas import Item

app = FastAPI()
router = APIRouter()


@router.get("/items/{item_id}", response_model=Item)
async def read_item(item_id: int):
    if item_id == 0:
        return {"id": 0, "name": "zero"}
    return await repo.get(item_id)


@router.get("/health")
async def health():
    return {"status": "ok"}


@router.get("/users/{user_id}", response_class=ORJSONResponse)
async def read_user(user_id: int):
    return await users.get(user_id)


@router.get("/stats")
async def stats() -> dict:
    return dict(count=3)
