import uvicorn
from fastapi import FastAPI

from app.api import api_router
from app.config import settings

app = FastAPI(title="Inventory API", debug=settings.debug)
app.include_router(api_router, prefix="/api/v1")
app.debug = settings.debug


def enable_debug(application: FastAPI) -> None:
    # Handed an app by whoever calls it (a dev script): nothing here says which.
    application.debug = True


def run_server() -> None:
    uvicorn.run("app.main:app", host="0.0.0.0", reload=settings.reload, workers=settings.workers)


def dev() -> None:
    uvicorn.run("app.main:app", reload=True)


def production() -> None:
    uvicorn.run(app, host="0.0.0.0", port=8000, reload=False)


if __name__ == "__main__":
    dev()
    uvicorn.run("app.main:app", host="127.0.0.1", port=8000, reload=True, debug=True)
