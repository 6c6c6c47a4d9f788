"""The application object: run with `uvicorn app.main:app`."""
import logging

from fastapi import Depends, FastAPI

from . import __version__
from .config import Settings, get_settings
from .db import Base, engine, wait_for_database
from .routers import items, orders, users
from .schemas import ServiceInfo

logger = logging.getLogger(__name__)

app = FastAPI(title="Legacy Inventory API", version=__version__)
app.include_router(items.router)
app.include_router(users.router, responses={404: {"description": "User not found"}})
app.include_router(orders.router)
app.state.ready = False


@app.on_event("startup")
def prepare_database():
    """Waits for the database, then creates missing tables (the service has no migrations)."""
    settings = get_settings()
    wait_for_database(engine, settings.db_connect_attempts, settings.db_retry_delay)
    Base.metadata.create_all(bind=engine)


@app.on_event("startup")
async def mark_ready():
    app.state.ready = True
    logger.info("%s %s ready", get_settings().app_name, __version__)


@app.on_event("shutdown")
async def mark_stopping():
    """The load balancer polls /health: stop sending traffic here."""
    app.state.ready = False
    logger.info("shutting down")


@app.get("/health", status_code=200, tags=["meta"])
async def health():
    return {"status": "ok" if app.state.ready else "starting"}


@app.get("/info", response_model=ServiceInfo, tags=["meta"])
async def info(settings: Settings = Depends(get_settings)):
    return ServiceInfo(name=settings.app_name, version=__version__)
