from pydantic import BaseModel, root_validator


class Pair(BaseModel):
    a: int

    @root_validator
    def check(cls, values):
        return values
