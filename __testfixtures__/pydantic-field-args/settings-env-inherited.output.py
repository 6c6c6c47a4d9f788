from pydantic import Field

from app.base import BaseAppSettings


class Settings(BaseAppSettings):
    database_url: str = Field(..., validation_alias="DATABASE_URL")
