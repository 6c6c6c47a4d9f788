import contextlib
from functools import cache, lru_cache as memo

from pydantic import BaseModel
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    debug: bool = False


class Item(BaseModel):
    name: str = ""


settings = Settings()


@cache
def cached() -> Settings:
    return Settings()


@memo(maxsize=1)
def cached_aliased() -> Settings:
    return Settings()


def with_parameter(env: str = "prod") -> Settings:
    return Settings(_env_file=env)


def global_settings() -> Settings:
    return settings


def generator():
    yield Settings()


def not_settings() -> Item:
    return Item()


def maybe(flag=None):
    return Settings() if flag else None


def sometimes():
    if settings.debug:
        return None
    return Settings()


class Container:
    def get_settings(self) -> Settings:
        return Settings()

    @staticmethod
    def static_settings() -> Settings:
        return Settings()


def outer():
    def inner() -> Settings:
        return Settings()

    return inner
