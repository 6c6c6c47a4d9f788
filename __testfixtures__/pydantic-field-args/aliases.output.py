import pydantic as pd
from pydantic import BaseModel
from pydantic import Field as F
from pydantic.fields import Field


class Account(BaseModel):
    email: str = F(..., pattern=r"^\S+@\S+$")
    nick: str = Field("", max_length=3)
    bio: str = pd.Field("", examples=["Hi"])
