from pydantic import BaseModel
from typing import Type, ClassVar


class Match(BaseModel):
    correct: ClassVar[Type[bool]] = bool
