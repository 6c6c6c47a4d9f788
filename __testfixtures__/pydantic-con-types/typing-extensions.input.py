from typing_extensions import Literal

from pydantic import BaseModel, constr


class Flag(BaseModel):
    name: constr(max_length=10)
    mode: Literal["a", "b"] = "a"
