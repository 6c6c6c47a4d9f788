from fastapi import FastAPI
from contextlib import asynccontextmanager


def warm():
    pass


@asynccontextmanager
async def lifespan(app: FastAPI):
    start()
    yield


app = FastAPI(
    title="Shop",  # shown in /docs
    version="1.0",  # bumped by CI
    lifespan=lifespan
)


@asynccontextmanager
async def admin_lifespan(app: FastAPI):
    warm()
    yield


admin = FastAPI(
    title="Admin",
    # the warm-up
    lifespan=admin_lifespan,
)


def start():
    pass
