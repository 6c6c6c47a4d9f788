from typing import Optional

import pydantic
from app.schemas.base import AppModel
from pydantic_settings import BaseSettings
from sqlmodel import Field, SQLModel


class Settings(BaseSettings):
    sentry_dsn: Optional[str] = None
    redis_url: Optional[str] = pydantic.Field(None, description="ignored when unset")


class Article(AppModel):
    summary: Optional[str] = None


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(None, primary_key=True)
    name: str
