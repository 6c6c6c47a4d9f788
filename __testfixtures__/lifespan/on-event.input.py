"""Inventory service."""
import logging

from fastapi import FastAPI

from .db import database

logger = logging.getLogger(__name__)

app = FastAPI(title="Inventory")


@app.on_event("startup")
async def connect_db():
    await database.connect()


@app.on_event("startup")  # after the database
def log_ready():
    logger.info("ready")


@app.get("/health")
async def health():
    return {"status": "ok"}


@app.on_event("shutdown")
async def disconnect_db():
    await database.disconnect()
