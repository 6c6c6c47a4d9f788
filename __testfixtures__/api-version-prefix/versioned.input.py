from fastapi import FastAPI

from app.api.v1 import api_router

app = FastAPI()


@app.get("/")
def root():
    return {}


@app.get("/api/v2/ping")
def ping():
    return {}


app.include_router(api_router, prefix="/api/v1")
