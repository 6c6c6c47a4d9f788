from typing import Optional

from fastapi import FastAPI, Query
from pydantic import BaseModel, Field
import re

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
):
    return q
