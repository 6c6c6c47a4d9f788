from typing import Dict, List, Optional, Union, ClassVar, Any

from pydantic import BaseModel


class Base(BaseModel):
    class Config:
        arbitrary_types_allowed = True


class Match(Base):
    correct: ClassVar[type[bool]] = bool


class Recommendation(Base):
    matches: Any = Optional[List[Match]]
    either: Any = Union[int, str]
    mapping: Any = Dict[str, Match]


class Strict(BaseModel):
    # Without arbitrary_types_allowed Pydantic v1 refused this class.
    matches = Optional[List[Match]]
