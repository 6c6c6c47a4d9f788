import pydantic
from pydantic import BaseModel, Extra

DEFAULT_EXTRA = Extra.ignore


class Loose(pydantic.BaseModel):
    class Config:
        extra = pydantic.Extra.ignore


class Tight(BaseModel):
    class Config:
        extra = Extra.forbid
