from typing import Optional, Annotated

from fastapi import FastAPI, Query
from pydantic import BaseModel, Field, StringConstraints
import re

# Look-ahead: Pydantic v2's Rust regex engine rejects it, so the pattern goes through Python's re.
NameStr = Annotated[str, StringConstraints(pattern=re.compile(r"^(?!\s*$).+"), strip_whitespace=True, min_length=3)]
# The Rust engine reads this one as Python does, and only Rust reads `\p{L}`: both stay strings.
OrganizationSlug = Annotated[str, StringConstraints(pattern=r"^[\w]+(?:_[\w]+)*$", min_length=3)]
Letters = Annotated[str, StringConstraints(pattern=r"^\p{L}+$")]

app = FastAPI()


class Pair(BaseModel):
    twice: str = Field(..., pattern=re.compile(r"^(\w)\1"))
    named: str = Field(..., pattern=re.compile("^(?:(?P<c>[a-z])(?P=c)|-)"))
    quoted: str = Field("", pattern=re.compile("^(['\"]).*\\1"))
    word: str = Field("", pattern=re.compile(r"^\bfoo\b(?!bar)" r"\w*"))
    tail: str = Field("", pattern=re.compile(r"^abc\Z"))
    brackets: str = Field("", pattern=r"^[(?!]+")
    commented: str = Field("", pattern=r"(?x)^ [a-z]+  # (?=a comment, not a look-ahead)")
    answer: str = Field("", pattern=r"(?x) yes | no  # ^(?:...) would end in this comment")


@app.get("/search")
def search(
    q: Optional[str] = Query(None, pattern=re.compile(r"^(?!admin)\w+$")),
    code: str = Query(..., pattern=re.compile(r"^(?<![0-9])[A-Z]{3}")),
):
    return q
