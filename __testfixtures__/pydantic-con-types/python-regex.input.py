from fastapi import FastAPI, Query
from pydantic import constr

# Look-ahead: Pydantic v2's Rust regex engine rejects it, so the pattern goes through Python's re.
NameStr = constr(regex=r"^(?!\s*$).+", strip_whitespace=True, min_length=3)
# The Rust engine reads this one as Python does, and only Rust reads `\p{L}`: both stay strings.
OrganizationSlug = constr(regex=r"^[\w]+(?:_[\w]+)*$", min_length=3)
Letters = constr(regex=r"^\p{L}+$")
# Not a literal: v1's anchoring at the start cannot be written for it.
Commented = constr(regex=r"(?x) yes | no  # ^(?:...) would end in this comment")

app = FastAPI()


@app.get("/search")
def search(
    code: constr(regex=r"(?<![0-9])[A-Z]{3}") = Query(...),
):
    return code
