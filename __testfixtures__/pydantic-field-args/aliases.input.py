import pydantic
import pydantic as pd
from pydantic import BaseModel
from pydantic import Field as F
from pydantic.fields import Field
from pydantic.types import constr as c


class Account(BaseModel):
    email: str = F(..., regex=r"^\S+@\S+$")
    nick: str = Field("", max_items=3)
    bio: str = pd.Field("", example="Hi")
    name: pydantic.constr(max_length=10)
    handle: c(min_length=2)
    age: pd.conint(ge=0) = 0
