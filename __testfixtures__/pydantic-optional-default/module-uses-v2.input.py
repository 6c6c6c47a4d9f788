# Nothing declared: a module importing v2-only names is v2 code, every class in it.
from typing import Optional

from pydantic import BaseModel, field_validator


class Item(BaseModel):
    name: Optional[str]

    @field_validator("name")
    @classmethod
    def strip(cls, v):
        return v.strip() if v else v


class Other(BaseModel):
    note: Optional[str]
