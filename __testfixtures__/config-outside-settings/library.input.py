# The same code in a project that builds no FastAPI app or router (a library): not reported.
import os
from functools import lru_cache

from app.config import Settings


@lru_cache
def get_settings() -> Settings:
    return Settings(_env_file=os.getenv("ENV_FILE", ".env"))


def get_redis_url() -> str:
    return os.getenv("REDIS_URL", "redis://localhost:6379/0")
