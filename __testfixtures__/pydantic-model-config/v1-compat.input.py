from pydantic.v1 import BaseModel


class StillV1(BaseModel):
    class Config:
        orm_mode = True
