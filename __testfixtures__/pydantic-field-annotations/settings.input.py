from typing import Optional

from pydantic import BaseSettings
from sqlmodel import Field, SQLModel


class Settings(BaseSettings):
    debug = False
    database_url = "sqlite://"
    workers = 4


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str
    secret_name = "unknown"
    team = Field(default="none", index=True)
