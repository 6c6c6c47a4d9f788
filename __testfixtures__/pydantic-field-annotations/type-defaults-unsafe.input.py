from typing import Dict, List, Optional, Union

from pydantic import BaseModel


class Base(BaseModel):
    class Config:
        arbitrary_types_allowed = True


class Match(Base):
    correct = bool


class Recommendation(Base):
    matches = Optional[List[Match]]
    either = Union[int, str]
    mapping = Dict[str, Match]


class Strict(BaseModel):
    # Without arbitrary_types_allowed Pydantic v1 refused this class.
    matches = Optional[List[Match]]
