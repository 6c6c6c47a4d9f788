import pydantic
from pydantic import BaseModel, Extra, ConfigDict

DEFAULT_EXTRA = Extra.ignore


class Loose(pydantic.BaseModel):
    model_config = ConfigDict(extra="ignore")


class Tight(BaseModel):
    model_config = ConfigDict(extra="forbid")
