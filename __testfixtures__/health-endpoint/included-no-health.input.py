from fastapi import FastAPI

from app.api.routes import items, utils
from app.core.config import settings

app = FastAPI(title=settings.PROJECT_NAME)

# Neither router module declares a health check: the project has none.
app.include_router(items.router, prefix=settings.API_V1_STR)
app.include_router(utils.router, prefix=settings.API_V1_STR)
