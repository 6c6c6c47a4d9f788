from typing import Optional

from pydantic import BaseSettings
from sqlmodel import Field, SQLModel


class Settings(BaseSettings):
    debug: bool = False
    database_url: str = "sqlite://"
    workers: int = 4


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str
    secret_name: str = "unknown"
    team: str = Field(default="none", index=True)
