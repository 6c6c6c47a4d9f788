from pydantic import BaseModel


def build(BaseModel):
    class Inner(BaseModel):
        class Config:
            orm_mode = True

    return Inner
