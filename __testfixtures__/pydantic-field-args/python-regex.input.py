from typing import Optional

from fastapi import FastAPI, Query
from pydantic import BaseModel, Field, constr

# Look-ahead: Pydantic v2's Rust regex engine rejects it, so the pattern goes through Python's re.
NameStr = constr(regex=r"^(?!\s*$).+", strip_whitespace=True, min_length=3)
# The Rust engine reads this one as Python does, and only Rust reads `\p{L}`: both stay strings.
OrganizationSlug = constr(regex=r"^[\w]+(?:_[\w]+)*$", min_length=3)
Letters = constr(regex=r"^\p{L}+$")

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
    code: constr(regex=r"(?<![0-9])[A-Z]{3}") = Query(...),
):
    return q
