from fastapi import FastAPI
from contextlib import asynccontextmanager


@asynccontextmanager
async def lifespan(app: FastAPI):
    start()
    try:
        yield
    finally:
        stop()


app = FastAPI(lifespan=lifespan)


def start():
    print("start")


def stop():
    print("stop")
