from fastapi import APIRouter, FastAPI, Response, status
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.responses import PlainTextResponse

from .schemas import Item

app = FastAPI()
router = APIRouter()


@router.post("/items", status_code=status.HTTP_202_ACCEPTED)
async def create_later(item: Item):
    return item


@router.post("/items/html", response_class=PlainTextResponse)
async def create_text(item: Item):
    return "created"


@router.post("/redirects")
async def create_redirect(item: Item):
    return RedirectResponse("/items")


@router.post("/documents")
async def create_document(item: Item):
    response = JSONResponse({"id": 1})
    return response


@router.post("/notes")
async def create_note(item: Item, response: Response):
    response.status_code = 200
    return item


@router.post("/events")
async def record_event(item: Item):
    queue.put(item)


@router.delete("/items/{item_id}")
async def delete_item(item_id: int):
    return {"deleted": item_id}


@router.delete("/carts/{cart_id}", response_model=Item)
async def empty_cart(cart_id: int):
    carts.empty(cart_id)


@router.delete("/tags/{tag}")
async def delete_tag(tag: str) -> dict:
    tags.remove(tag)


@router.api_route("/things", methods=["POST", "PUT"])
async def upsert_thing(item: Item):
    return item


@router.post("/stream")
async def create_stream(item: Item):
    yield item


def options(**kw):
    return kw


@router.post("/things/{path}", **options())
async def create_thing(path: str):
    return path
