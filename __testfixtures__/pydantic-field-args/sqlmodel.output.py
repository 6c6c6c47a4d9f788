from typing import List, Optional

from sqlmodel import Field, SQLModel

extra = {"examples": ["1"]}


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True, schema_extra={"pattern": "^[A-Z]"})
    secret: str = Field(schema_extra={"examples": ["x"], "frozen": True})
    team: str = Field("none", const=True)
    code: str = Field("", regex=r"\d+|x", schema_extra=extra)


class HeroCreate(SQLModel):
    name: str = Field(schema_extra={"pattern": "^[A-Z]"})
    secret: str = Field(schema_extra={"frozen": True})
    powers: List[str] = Field(default_factory=list, min_length=1, max_length=3)
