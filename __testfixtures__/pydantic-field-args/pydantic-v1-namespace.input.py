from pydantic.v1 import BaseModel, Field, constr


class StillV1(BaseModel):
    name: constr(max_length=3) = Field("abc", regex="^a", example="abc")
