from fastapi import FastAPI

from app.api.routes import items, utils
from app.core.config import settings

app = FastAPI(title=settings.PROJECT_NAME)

# utils.router (another module) declares `/health-check/`: the project serves a health check.
app.include_router(items.router, prefix=settings.API_V1_STR)
app.include_router(utils.router, prefix=settings.API_V1_STR)
