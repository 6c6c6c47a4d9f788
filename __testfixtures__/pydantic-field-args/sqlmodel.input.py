from typing import List, Optional

from sqlmodel import Field, SQLModel

extra = {"examples": ["1"]}


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True, regex="^[A-Z]")
    secret: str = Field(allow_mutation=False, schema_extra={"examples": ["x"]})
    team: str = Field("none", const=True)
    code: str = Field("", regex=r"\d+|x", schema_extra=extra)


class HeroCreate(SQLModel):
    name: str = Field(regex="[A-Z]")
    secret: str = Field(allow_mutation=False)
    powers: List[str] = Field(default_factory=list, min_items=1, max_items=3)
