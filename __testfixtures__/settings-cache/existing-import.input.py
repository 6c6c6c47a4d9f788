import functools
import os

from pydantic import BaseSettings


class Settings(BaseSettings):
    debug: bool = False


@functools.lru_cache()
def get_db_url() -> str:
    return os.environ["DATABASE_URL"]


def get_settings():
    if os.environ.get("TESTING"):
        return Settings(debug=True)
    return Settings()
