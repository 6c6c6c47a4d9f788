from sqlmodel import Field, SQLModel


class HeroBase(SQLModel):
    name: str = Field(index=True)


class HeroRead(HeroBase):
    id: int

    class Config:
        orm_mode = True
