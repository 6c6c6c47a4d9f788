from pydantic import BaseModel, StringConstraints
from pydantic import Field as F
from pydantic.fields import Field
from typing import Annotated


class Account(BaseModel):
    email: str = F(..., max_length=64)
    nick: str = Field("")
    name: Annotated[str, StringConstraints(max_length=10)]
    handle: Annotated[str, StringConstraints(min_length=2)]
    age: Annotated[int, F(ge=0)] = 0
