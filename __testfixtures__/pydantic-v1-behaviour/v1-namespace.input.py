# Code kept on pydantic.v1 under Pydantic 2 runs as v1 code: nothing to migrate here.
from typing import Optional, Union

from pydantic.v1 import BaseModel


class Legacy(BaseModel):
    name: Optional[str]
    value: Union[int, str]

    class Config:
        orm_mode = True
