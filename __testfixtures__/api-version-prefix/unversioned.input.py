from fastapi import APIRouter, FastAPI

from app.routers import items, users

app = FastAPI()
admin = APIRouter(prefix="/admin")
v1 = APIRouter(prefix="/api/v1/things")


@app.get("/health")
def health():
    return {"ok": True}


@app.get("/stats")
def stats():
    return {}


app.include_router(items.router, prefix="/items")
app.include_router(users.router, prefix="/api/v1/users")
app.include_router(admin)
app.include_router(v1)
app.include_router(items.router)
