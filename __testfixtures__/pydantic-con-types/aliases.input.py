import pydantic
import pydantic as pd
from pydantic import BaseModel
from pydantic import Field as F
from pydantic.fields import Field
from pydantic.types import constr as c


class Account(BaseModel):
    email: str = F(..., max_length=64)
    nick: str = Field("")
    name: pydantic.constr(max_length=10)
    handle: c(min_length=2)
    age: pd.conint(ge=0) = 0
