"""Inventory service."""
import logging

from fastapi import FastAPI

from .db import database
from contextlib import asynccontextmanager

logger = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI):
    await connect_db()
    log_ready()
    try:
        yield
    finally:
        await disconnect_db()


app = FastAPI(title="Inventory", lifespan=lifespan)


async def connect_db():
    await database.connect()


# after the database
def log_ready():
    logger.info("ready")


@app.get("/health")
async def health():
    return {"status": "ok"}


async def disconnect_db():
    await database.disconnect()
