from typing import Optional

from fastapi import FastAPI, Query
from pydantic import BaseModel, Field

app = FastAPI()


class Pair(BaseModel):
    twice: str = Field(..., regex=r"(\w)\1")
    named: str = Field(..., regex="(?P<c>[a-z])(?P=c)|-")
    quoted: str = Field("", regex="(['\"]).*\\1")
    word: str = Field("", regex=r"\bfoo\b(?!bar)" r"\w*")
    tail: str = Field("", regex=r"abc\Z")
    brackets: str = Field("", regex=r"[(?!]+")
    commented: str = Field("", regex=r"(?x) [a-z]+  # (?=a comment, not a look-ahead)")
    answer: str = Field("", regex=r"(?x) yes | no  # ^(?:...) would end in this comment")


@app.get("/search")
def search(
    q: Optional[str] = Query(None, regex=r"^(?!admin)\w+$"),
):
    return q
