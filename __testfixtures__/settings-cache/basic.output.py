"""Configuration."""
from pydantic_settings import BaseSettings
from functools import lru_cache


class Settings(BaseSettings):
    debug: bool = False


class DevSettings(Settings):
    debug: bool = True


@lru_cache
def get_settings() -> Settings:
    return Settings()


@lru_cache
def get_dev_settings():
    settings = DevSettings(_env_file=".env.dev")
    return settings
