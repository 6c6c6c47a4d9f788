import pydantic as pd
from pydantic import BaseModel, StringConstraints
from pydantic import Field as F
from pydantic.fields import Field
from typing import Annotated


class Account(BaseModel):
    email: str = F(..., pattern=r"^\S+@\S+$")
    nick: str = Field("", max_length=3)
    bio: str = pd.Field("", examples=["Hi"])
    name: Annotated[str, StringConstraints(max_length=10)]
    handle: Annotated[str, StringConstraints(min_length=2)]
    age: Annotated[int, F(ge=0)] = 0
