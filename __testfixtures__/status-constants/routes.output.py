from fastapi import APIRouter, FastAPI, status

app = FastAPI()
router = APIRouter(prefix="/items", responses={status.HTTP_404_NOT_FOUND: {"description": "Not found"}})


@app.get("/", status_code=status.HTTP_200_OK)
async def root():
    return {}


@router.post("/", status_code=status.HTTP_201_CREATED, responses={status.HTTP_409_CONFLICT: {"description": "Conflict"}, "5XX": {}})
async def create():
    return {}


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete(item_id: int):
    return None


@router.api_route("/legacy", methods=["PUT", "PATCH"], status_code=status.HTTP_202_ACCEPTED)
async def legacy():
    return {}


async def ping():
    return "pong"


app.add_api_route("/ping", ping, status_code=status.HTTP_200_OK)
app.include_router(router, responses={status.HTTP_418_IM_A_TEAPOT: {"description": "Teapot"}})
