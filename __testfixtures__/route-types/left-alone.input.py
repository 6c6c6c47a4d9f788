from fastapi import APIRouter, FastAPI, Response, WebSocket
from fastapi.responses import HTMLResponse, JSONResponse, StreamingResponse

from .models import ItemRow
from .schemas import Item

app = FastAPI()
router = APIRouter()


@router.get("/typed", response_model=Item)
async def typed() -> Item:
    return Item(id=1)


@router.get("/untyped", response_model=None)
async def untyped():
    return JSONResponse({"id": 1})


@router.get("/page", response_class=HTMLResponse)
async def page():
    return "<p>hi</p>"


@router.get("/raw")
async def raw():
    return Response(b"raw", media_type="application/octet-stream")


@router.get("/file")
async def download():
    response = StreamingResponse(iter([b"x"]))
    return response


@router.get("/either", response_model=Item)
async def either(flag: bool):
    if flag:
        return JSONResponse({"id": 2})
    return Item(id=2)


@router.get("/rows/{row_id}", response_model=Item)
async def row(row_id: int):
    return ItemRow(id=row_id)


@router.get("/stream")
async def stream():
    yield b"chunk"


@router.get("/a", response_model=Item)
@router.get("/b")
async def shared():
    return Item(id=3)


@router.get("/c", response_model=Item)
@router.get("/d", response_model=list[Item])
async def shared_differently():
    return Item(id=4)


async def later():
    return Later(id=5)


class Later(Item):
    pass


router.add_api_route("/later", later, response_model=Later)


@router.get("/empty", response_model=Item)
async def empty():
    pass


@router.get("/computed", response_model=make_model())
async def computed():
    return 1


@router.get("/quoted", response_model="Item")
async def quoted():
    return Item(id=6)


@app.websocket("/ws")
async def ws(websocket: WebSocket):
    await websocket.accept()


@app.get("/internal", include_in_schema=False)
def internal():
    return {"debug": True}
