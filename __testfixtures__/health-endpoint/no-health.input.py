from fastapi import APIRouter, FastAPI
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

app = FastAPI(title="Inventory", version="1.0.0")
items = APIRouter(prefix="/items", tags=["items"])


class Item(BaseModel):
    id: int
    name: str


@items.get("/")
async def list_items() -> list[Item]:
    return []


@items.get("/{item_id}/status")
async def item_status(item_id: int) -> dict[str, str]:
    return {"status": "in stock"}


@app.get("/health-records")
async def health_records() -> list[dict[str, str]]:
    return []


@app.get("/pings")
async def pings() -> list[str]:
    return []


app.include_router(items)
app.mount("/static", StaticFiles(directory="static"), name="static")
