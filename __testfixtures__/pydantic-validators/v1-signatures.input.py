from datetime import date
from typing import Any, Optional

from pydantic import BaseModel, Field, validator


class Plan(BaseModel):
    start_date: date
    end_date: date

    @validator("end_date")
    def end_after_start(v, values, config, field):
        if "start_date" in values and v < values["start_date"]:
            raise ValueError(f"{field.name} should be after the start")
        return v


class Base(BaseModel):
    slug: str = ""
    group_id: Any = Field(default_factory=list)


class Recipe(Base):
    name: str
    tags: Optional[list[str]]

    @validator("slug", always=True, pre=True, allow_reuse=True)
    def validate_slug(slug: str, values):  # type: ignore
        if not values.get("name"):
            return slug
        return values["name"].lower()

    @validator("group_id", "tags", always=True)
    def fill(cls, value):
        return value or []


class Reads(BaseModel):
    x: int

    @validator("x")
    def check(cls, v, config):
        return v if config.orm_mode else -v
