from fastapi import FastAPI, Query
import re
from typing import Annotated
from pydantic import StringConstraints

# Look-ahead: Pydantic v2's Rust regex engine rejects it, so the pattern goes through Python's re.
NameStr = Annotated[str, StringConstraints(pattern=re.compile(r"^(?!\s*$).+"), strip_whitespace=True, min_length=3)]
# The Rust engine reads this one as Python does, and only Rust reads `\p{L}`: both stay strings.
OrganizationSlug = Annotated[str, StringConstraints(pattern=r"^[\w]+(?:_[\w]+)*$", min_length=3)]
Letters = Annotated[str, StringConstraints(pattern=r"^\p{L}+$")]
# Not a literal: v1's anchoring at the start cannot be written for it.
Commented = Annotated[str, StringConstraints(pattern=r"(?x) yes | no  # ^(?:...) would end in this comment")]

app = FastAPI()


@app.get("/search")
def search(
    code: str = Query(..., pattern=re.compile(r"^(?<![0-9])[A-Z]{3}")),
):
    return code
