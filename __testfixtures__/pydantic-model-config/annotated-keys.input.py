from pydantic import BaseModel


class Row(BaseModel):
    class Config:
        orm_mode: bool = True
        title: str = "Row"
