from fastapi import APIRouter, FastAPI

app = FastAPI()
router = APIRouter(prefix="/items", responses={404: {"description": "Not found"}})


@app.get("/", status_code=200)
async def root():
    return {}


@router.post("/", status_code=201, responses={409: {"description": "Conflict"}, "5XX": {}})
async def create():
    return {}


@router.delete("/{item_id}", status_code=204)
async def delete(item_id: int):
    return None


@router.api_route("/legacy", methods=["PUT", "PATCH"], status_code=202)
async def legacy():
    return {}


async def ping():
    return "pong"


app.add_api_route("/ping", ping, status_code=200)
app.include_router(router, responses={418: {"description": "Teapot"}})
