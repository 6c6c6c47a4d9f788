from datetime import date, datetime

from pydantic import BaseModel, Field
import datetime as datetime_module
import builtins


class MealDay(BaseModel):
    date: datetime_module.date | None = None
    meals: list[str]
    moved: datetime_module.date = Field(default_factory=datetime_module.date.today)


class Event(BaseModel):
    datetime: datetime_module.datetime | None = None
    when: datetime_module.datetime


class Plain(BaseModel):
    list: builtins.list[str] | None = None


class Later(BaseModel):
    start: date | None = None
    date: str
