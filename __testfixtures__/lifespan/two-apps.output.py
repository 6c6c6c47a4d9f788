from fastapi import FastAPI
from contextlib import asynccontextmanager

lifespan = "taken"


@asynccontextmanager
async def app_lifespan(app: FastAPI):
    start()
    yield


app = FastAPI(lifespan=app_lifespan)


@asynccontextmanager
async def admin_lifespan(app: FastAPI):
    try:
        yield
    finally:
        start()


admin = FastAPI(lifespan=admin_lifespan)  # the back office


def start():
    print("start")


app.mount("/admin", admin)
