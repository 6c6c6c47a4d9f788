"""Configuration."""
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    debug: bool = False


class DevSettings(Settings):
    debug: bool = True


def get_settings() -> Settings:
    return Settings()


def get_dev_settings():
    settings = DevSettings(_env_file=".env.dev")
    return settings
