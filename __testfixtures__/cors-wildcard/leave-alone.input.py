import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app.core.config import settings

app = FastAPI()

origins = [
    "http://localhost:3000",
    "https://shop.example.com",
]

app.add_middleware(
    CORSMiddleware,
    allow_origins=origins,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
app.add_middleware(
    CORSMiddleware,
    allow_origins=os.environ["CORS_ORIGINS"].split(","),
)
app.add_middleware(CORSMiddleware, allow_origins=settings.BACKEND_CORS_ORIGINS)
app.add_middleware(
    CORSMiddleware,
    allow_origin_regex=r"https://.*\.shop\.example\.com",
    allow_methods=["*"],
)


def build_app(allowed: list[str]) -> FastAPI:
    api = FastAPI()
    api.add_middleware(CORSMiddleware, allow_origins=allowed)
    return api
