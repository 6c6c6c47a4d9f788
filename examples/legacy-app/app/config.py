"""Application settings, read from LEGACY_* environment variables and an optional .env file."""
from pydantic import BaseSettings


class Settings(BaseSettings):
    app_name: str = "Legacy Inventory API"
    database_url: str = "sqlite:///./legacy.db"
    db_connect_attempts: int = 5
    db_retry_delay: float = 0.5
    # The pricing service that quotes item prices (GET {pricing_url}/prices/{item_id}).
    pricing_url: str = "http://pricing.internal"
    pricing_timeout: float = 2.0
    # Artificial delays that stand in for calls to slow upstream services.
    notify_delay: float = 0.0
    throttle_delay: float = 0.0
    max_page_size: int = 100

    class Config:
        env_file = ".env"
        env_file_encoding = "utf-8"
        env_prefix = "LEGACY_"
        case_sensitive = False


def get_settings() -> Settings:
    """The settings, as a dependency. Without a cache, every call reads the environment and .env."""
    return Settings()
