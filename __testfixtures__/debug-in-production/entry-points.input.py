from fastapi import FastAPI
from uvicorn import run as serve_app

from app.api import api_router


def create_app() -> FastAPI:
    application = FastAPI(debug=True)
    application.include_router(api_router)
    application.debug = True
    return application


def serve() -> None:
    # The console script `inventory-serve` points here: it is what production runs.
    serve_app("app.main:create_app", factory=True, host="0.0.0.0", workers=4, debug=True, reload=True)
