from typing import Optional

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env")

    PROJECT_NAME: str = "inventory"
    SECRET_KEY: str  # used to sign JWTs
    ALGORITHM: str = "HS256"
    ACCESS_TOKEN_EXPIRE_MINUTES: int = 60 * 24 * 8
    TOKEN_TYPE: str = "bearer"
    DATABASE_URL: str
    SMTP_PASSWORD: str = Field(description="SMTP password")
    SENTRY_TOKEN: str = Field(min_length=8)
    REDIS_PASSWORD: Optional[str] = "r3dis-pw-4d5e6f"
    FIRST_SUPERUSER: str = "admin@example.com"
    FIRST_SUPERUSER_PASSWORD: str = "changethis"


settings = Settings()
