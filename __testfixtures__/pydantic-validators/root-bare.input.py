from typing import Any, Dict

from pydantic import BaseModel, root_validator


class Pair(BaseModel):
    a: int
    b: int

    @root_validator
    @classmethod
    def check(cls, values: Dict[str, Any]) -> Dict[str, Any]:
        assert values["a"] != values["b"]
        return values
