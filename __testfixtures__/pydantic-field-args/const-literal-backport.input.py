from pydantic import BaseModel, Field


class Pet(BaseModel):
    kind: str = Field("dog", const=True)
