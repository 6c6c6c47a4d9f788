from sqlmodel import Field, SQLModel
from pydantic import ConfigDict


class HeroBase(SQLModel):
    name: str = Field(index=True)


class HeroRead(HeroBase):
    id: int

    model_config = ConfigDict(from_attributes=True)
