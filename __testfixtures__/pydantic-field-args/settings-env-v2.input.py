from pydantic import Field
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    # Already on pydantic-settings 2, which ignores `env`: its meaning there is not v1's.
    database_url: str = Field("sqlite://", env="DATABASE_URL")
