from pydantic.v1 import BaseModel, conint, constr


class StillV1(BaseModel):
    name: constr(max_length=3) = "abc"
    count: conint(ge=0) = 0
