from datetime import timedelta

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env")

    SECRET_KEY: str
    ALGORITHM: str = "HS256"
    # 60 minutes * 24 hours * 8 days = 8 days
    ACCESS_TOKEN_EXPIRE_MINUTES: int = 60 * 24 * 8
    REFRESH_TOKEN_EXPIRE_MINUTES: int = 60 * 24 * 30
    access_token_expire_seconds: int = Field(default=3600, ge=60)
    JWT_ACCESS_TOKEN_EXPIRES: timedelta = timedelta(hours=2)
    ACCESS_TOKEN_EXPIRE_HOURS: int = Field(1)
    EMAIL_RESET_TOKEN_EXPIRE_HOURS: int = 48


class AuthConfig:
    ACCESS_TTL_SECONDS = 2 * 3600
    REFRESH_TTL_SECONDS = 14 * 24 * 3600


ACCESS_TOKEN_LIFETIME = timedelta(weeks=1)

settings = Settings()
