# Code already on Pydantic v2 (or written by an earlier run of this rule) whose patterns the Rust
# regex engine rejects: the class cannot even be defined.
import re
from typing import Annotated

from fastapi import Path
from pydantic import BaseModel, Field, StringConstraints
from pydantic import types

NameStr = Annotated[str, StringConstraints(pattern=re.compile(r"^(?!\s*$).+"), strip_whitespace=True)]
Word = Annotated[str, types.StringConstraints(max_length=5, pattern=re.compile("^(?=[a-z])"))]
Digits = Annotated[str, StringConstraints(pattern=r"^\d+$")]


class Pair(BaseModel):
    twice: str = Field(..., pattern=re.compile(r"^(\w)\1"))
    once: str = Field(..., pattern=r"^\w$")
    compiled: str = Field(..., pattern=re.compile(r"^(?!x)"))
    long: str = Field(..., pattern=re.compile(r"^[\w.-]{1,256}$"), max_length=300)


def route(slug: str = Path(..., pattern=re.compile(r"^(?!new$)[a-z-]+$"))):
    return slug
