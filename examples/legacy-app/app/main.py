"""The application object: run with `uvicorn app.main:app`."""
import logging
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from . import __version__
from .config import Settings, get_settings
from .db import Base, engine, wait_for_database
from .routers import items, users
from .schemas import ServiceInfo

logger = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI):
    settings = get_settings()
    wait_for_database(engine, settings.db_connect_attempts, settings.db_retry_delay)
    Base.metadata.create_all(bind=engine)
    logger.info("%s %s ready", settings.app_name, __version__)
    yield


app = FastAPI(title="Legacy Inventory API", version=__version__, lifespan=lifespan)
app.include_router(items.router)
app.include_router(users.router, responses={404: {"description": "User not found"}})


@app.get("/health", status_code=200, tags=["meta"])
async def health():
    return {"status": "ok"}


@app.get("/info", response_model=ServiceInfo, tags=["meta"])
async def info(settings: Settings = Depends(get_settings)):
    return ServiceInfo(name=settings.app_name, version=__version__)
