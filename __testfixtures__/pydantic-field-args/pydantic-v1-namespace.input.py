from pydantic.v1 import BaseModel, Field


class StillV1(BaseModel):
    name: str = Field("abc", regex="^a", example="abc")
