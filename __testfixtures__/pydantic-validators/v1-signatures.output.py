from datetime import date
from typing import Any, Optional, Annotated

from pydantic import BaseModel, Field, validator, field_validator, ValidationInfo


class Plan(BaseModel):
    start_date: date
    end_date: date

    @field_validator("end_date")
    def end_after_start(v, info: ValidationInfo):
        if "start_date" in info.data and v < info.data["start_date"]:
            raise ValueError(f"{info.field_name} should be after the start")
        return v


class Base(BaseModel):
    slug: Annotated[str, Field(validate_default=True)] = ""
    group_id: Any = Field(default_factory=list, validate_default=True)


class Recipe(Base):
    name: str
    tags: Annotated[Optional[list[str]], Field(validate_default=True)]

    @field_validator("slug", mode="before")
    def validate_slug(slug: str, info: ValidationInfo):  # type: ignore
        if not info.data.get("name"):
            return slug
        return info.data["name"].lower()

    @field_validator("group_id", "tags")
    @classmethod
    def fill(cls, value):
        return value or []


class Reads(BaseModel):
    x: int

    @validator("x")
    def check(cls, v, config):
        return v if config.orm_mode else -v
