from typing import Optional

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env")

    PROJECT_NAME: str = "inventory"
    SECRET_KEY: str = "3b1f0c9e8d7a6b5c4d3e2f1a0b9c8d7e"  # used to sign JWTs
    ALGORITHM: str = "HS256"
    ACCESS_TOKEN_EXPIRE_MINUTES: int = 60 * 24 * 8
    TOKEN_TYPE: str = "bearer"
    DATABASE_URL: str = "postgresql://inventory:Inv3nt0ry-db@db:5432/inventory"
    SMTP_PASSWORD: str = Field("mail-pw-8c7b6a5d", description="SMTP password")
    SENTRY_TOKEN: str = Field(default="sentry-9a8b7c6d5e4f", min_length=8)
    REDIS_PASSWORD: Optional[str] = "r3dis-pw-4d5e6f"
    FIRST_SUPERUSER: str = "admin@example.com"
    FIRST_SUPERUSER_PASSWORD: str = "changethis"


settings = Settings()
