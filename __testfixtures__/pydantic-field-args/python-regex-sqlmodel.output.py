from sqlmodel import Field, SQLModel
import re


class Hero(SQLModel, table=True):
    id: int = Field(default=None, primary_key=True)
    name: str = Field(index=True, schema_extra={"pattern": re.compile(r"^(?!\s*$).+")})
    alias: str = Field("", schema_extra={"examples": ["x"], "pattern": r"^[a-z]+$"})
    twin: str = Field("", schema_extra={"examples": ["aa"], "pattern": re.compile(r"^(\w)\1")})
