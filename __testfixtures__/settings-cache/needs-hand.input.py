import contextlib

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    debug: bool = False


async def get_settings() -> Settings:
    return Settings()


@contextlib.contextmanager
def settings_context():
    return Settings()


def lru_cache():
    pass


def get_sync_settings() -> Settings:
    return Settings()
