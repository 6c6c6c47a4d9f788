from fastapi import FastAPI as Application
from fastapi.middleware.cors import CORSMiddleware
import contextlib


@contextlib.asynccontextmanager
async def lifespan(app: Application):
    seed()
    yield


app: Application = Application(
    title="x", version="1", lifespan=lifespan
)
app.add_middleware(CORSMiddleware)


def seed():
    """Fill the tables."""
