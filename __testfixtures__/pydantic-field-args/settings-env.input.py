from typing import Annotated

from pydantic import BaseModel, BaseSettings, Field


class Settings(BaseSettings):
    database_url: str = Field(..., env="DATABASE_URL")
    redis: str = Field("redis://", env=["REDIS_URL", "REDIS"], description="cache")
    broker: str = Field(
        "amqp://",
        env=(
            "BROKER_URL",  # the new name
            "CELERY_BROKER",
        ),
    )
    region: str = Field("eu", env=("AWS_REGION",))
    token: Annotated[str, Field(env="API_TOKEN")] = ""
    debug: bool = False

    class Config:
        env_prefix = "APP_"


class ByName(BaseSettings):
    secret: str = Field("", env="SECRET_KEY")

    class Config:
        allow_population_by_field_name = True


class ByHand(BaseSettings):
    unordered: str = Field("", env={"A", "B"})
    computed: str = Field("", env=ENV_NAME)
    aliased: str = Field("", alias="Aliased", env="ALIASED")
    both: str = Field("", validation_alias="BOTH", env="BOTH")
    empty: str = Field("", env=[])


class Model(BaseModel):
    # A plain model never read the environment: `env` was a schema extra.
    name: str = Field("", env="NAME")
