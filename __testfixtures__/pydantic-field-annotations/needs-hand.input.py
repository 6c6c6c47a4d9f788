import datetime

from typing import Optional

from pydantic import BaseModel, Field


def now():
    return datetime.datetime.now()


class Event(BaseModel):
    name: str
    note = None
    created = Field(default_factory=now)
    title = Field(..., max_length=10)
    stamp = now()
    parent = Optional[int]
    first = second = 1
    when = datetime.datetime.now()


class Shadowing(BaseModel):
    str = "a"
    label = "b"



class Stamped(BaseModel):
    stamp: datetime.datetime = datetime.datetime(2020, 1, 1)


class Restamped(Stamped):
    stamp = now()
