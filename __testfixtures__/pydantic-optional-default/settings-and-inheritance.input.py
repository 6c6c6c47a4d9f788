from typing import Optional

import pydantic
from app.schemas.base import AppModel
from pydantic_settings import BaseSettings
from sqlmodel import Field, SQLModel


class Settings(BaseSettings):
    sentry_dsn: Optional[str]
    redis_url: Optional[str] = pydantic.Field(description="ignored when unset")


class Article(AppModel):
    summary: Optional[str]


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(primary_key=True)
    name: str
