from pydantic import BaseModel, BaseSettings, Field
from pydantic_settings import SettingsConfigDict


class Item(BaseModel):
    name: str = Field(..., max_length=10)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="APP_")

    debug: bool = False
