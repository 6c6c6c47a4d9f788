from pydantic import BaseModel


class Legacy(BaseModel):
    class Config:
        orm_mode = True
        smart_union = True
        underscore_attrs_are_private = True
        json_encoders = {bytes: lambda b: b.hex()}
