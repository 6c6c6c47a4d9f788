from contextlib import asynccontextmanager

from fastapi import FastAPI


async def connect():
    pass


@asynccontextmanager
async def lifespan(app: FastAPI):
    await connect()
    yield


app = FastAPI(lifespan=lifespan)
