import datetime
import enum
from typing import List, Optional

from pydantic import BaseModel


class Color(enum.Enum):
    RED = "red"


class Orm:
    pass


class Base(BaseModel):
    correct: bool = True

    class Config:
        orm_mode = True
        arbitrary_types_allowed = True


# Classes as defaults: Pydantic v1 left them plain class attributes, never fields.
class Match(Base):
    resource_type = str
    resource_state = dict
    palette = Color
    orm_class = Orm
    stamp_type = datetime.datetime
    parent = Base


# v1 dropped a class that overrides a field: the base class's field stays.
class Override(Base):
    correct = bool


# A typing object is no class: v1 made it a field holding the object itself (unsafe, see
# type-defaults-unsafe).
class Recommendation(Base):
    matches = Optional[List[Match]]
