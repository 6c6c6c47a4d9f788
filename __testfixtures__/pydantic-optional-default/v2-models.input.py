from typing import Optional

from pydantic import BaseModel, ConfigDict


class Base(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class User(Base):
    # Pydantic v2 code: no default means required (and nullable) on purpose.
    nickname: Optional[str]


class Standalone(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str | None
