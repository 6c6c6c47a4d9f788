from app.routers import items
from app.api.deps import router as deps_router


@items.router.get("/", status_code=200)
def list_items():
    return []


@deps_router.post("/", status_code=201)
def create():
    return {}
