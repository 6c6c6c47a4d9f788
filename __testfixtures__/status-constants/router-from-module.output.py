from app.routers import items
from app.api.deps import router as deps_router
from fastapi import status


@items.router.get("/", status_code=status.HTTP_200_OK)
def list_items():
    return []


@deps_router.post("/", status_code=status.HTTP_201_CREATED)
def create():
    return {}
