"""Application settings."""

from functools import lru_cache

from pydantic import BaseSettings  # v1 location


class Settings(BaseSettings):
    database_url: str = "sqlite://"


@lru_cache
def get_settings() -> Settings:
    return Settings()
