from typing import Any, Dict

from pydantic import BaseModel, model_validator


class Pair(BaseModel):
    a: int
    b: int

    @model_validator(mode="after")
    def check(self) -> "Pair":
        assert self.a != self.b
        return self
