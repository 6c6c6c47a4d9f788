from typing import Annotated

from pydantic import BaseModel, BaseSettings, Field, AliasChoices


class Settings(BaseSettings):
    database_url: str = Field(..., validation_alias="DATABASE_URL")
    redis: str = Field("redis://", validation_alias=AliasChoices("REDIS_URL", "REDIS"), description="cache")
    broker: str = Field(
        "amqp://",
        validation_alias=AliasChoices(
            "BROKER_URL",  # the new name
            "CELERY_BROKER",
        ),
    )
    region: str = Field("eu", validation_alias=AliasChoices("AWS_REGION"))
    token: Annotated[str, Field(validation_alias="API_TOKEN")] = ""
    debug: bool = False

    class Config:
        env_prefix = "APP_"


class ByName(BaseSettings):
    secret: str = Field("", validation_alias="SECRET_KEY")

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
    name: str = Field("", json_schema_extra={"env": "NAME"})
