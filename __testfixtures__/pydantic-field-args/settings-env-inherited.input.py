from pydantic import Field

from app.base import BaseAppSettings


class Settings(BaseAppSettings):
    database_url: str = Field(..., env="DATABASE_URL")
