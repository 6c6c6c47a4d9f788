import re

from fastapi import Query
from pydantic import BaseModel, Field

EMAIL = r"[^@]+@[^@]+"


class Contact(BaseModel):
    email: str = Field(..., pattern=EMAIL)
    phone: str = Field("", pattern=f"{EMAIL}")
    code: str = Field("", pattern="(?i)^abc")
    zip_code: str = Field("", pattern=r"\A\d{5}")
    label: str = Field("", pattern="^(?:^" "[a-z]" "+|x)")


def lookup(q: str = Query(..., pattern=re.compile("x").pattern)):
    return q
