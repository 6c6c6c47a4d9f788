from datetime import date, datetime

from pydantic import BaseModel, Field


class MealDay(BaseModel):
    date: date | None
    meals: list[str]
    moved: date = Field(default_factory=date.today)


class Event(BaseModel):
    datetime: datetime | None
    when: datetime


class Plain(BaseModel):
    list: list[str] | None


class Later(BaseModel):
    start: date | None
    date: str
