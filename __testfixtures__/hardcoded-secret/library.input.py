# The same code in a project that builds no FastAPI app or router (a library): not reported.
from typing import ClassVar

import pydantic
from pydantic import BaseModel
from pydantic_settings import BaseSettings


def Field(default=None, **kwargs):  # a local helper, not pydantic's
    return default


class ServiceConfig(BaseModel):
    name: str = "billing"
    api_key: str = "billing-api-key-1f2e3d4c"
    webhook_secret: str = pydantic.Field("whsec-0a9b8c7d6e5f", min_length=8)


class Settings(BaseSettings):
    SECRET_KEY = "unannotated-secret-5e6f7a8b"
    JWT_SECRET: ClassVar[str] = "class-level-jwt-9c8b7a6d"
    SIGNING_KEY: str = Field("local-field-helper-3c4d5e6f")
    CSRF_TOKEN_HEADER: str = "X-CSRF-Token"
    REDIS_PASSWORD: str | None = pydantic.Field(default="r3dis-pw-6a7b8c9d")

    class Config:
        env_file = ".env"
        secret_token = "nested-config-token-2b3c4d5e"
