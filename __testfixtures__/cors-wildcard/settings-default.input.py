from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    PROJECT_NAME: str = "shop"
    BACKEND_CORS_ORIGINS: list[str] = ["*"]
    ALLOWED_HOSTS: list[str] = ["shop.example.com"]


settings = Settings()

app = FastAPI(title=settings.PROJECT_NAME)
app.add_middleware(
    CORSMiddleware,
    allow_origins=settings.BACKEND_CORS_ORIGINS,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
app.add_middleware(CORSMiddleware, allow_origins=settings.ALLOWED_HOSTS)
