from fastapi import APIRouter, FastAPI, Response

app = FastAPI()
ops = APIRouter(prefix="/ops", tags=["ops"])
api = APIRouter(prefix="/api/v1")


@ops.get("/healthz", status_code=204)
async def healthz() -> Response:
    return Response(status_code=204)


@api.get("/items")
async def list_items() -> list[str]:
    return []


app.include_router(api)
app.include_router(ops)
