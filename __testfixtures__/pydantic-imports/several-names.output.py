from pydantic import BaseModel, Field
from pydantic_settings import SettingsConfigDict, BaseSettings


class Item(BaseModel):
    name: str = Field(..., max_length=10)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="APP_")

    debug: bool = False
