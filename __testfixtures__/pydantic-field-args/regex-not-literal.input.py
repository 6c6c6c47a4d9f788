import re

from fastapi import Query
from pydantic import BaseModel, Field

EMAIL = r"[^@]+@[^@]+"


class Contact(BaseModel):
    email: str = Field(..., regex=EMAIL)
    phone: str = Field("", regex=f"{EMAIL}")
    code: str = Field("", regex="(?i)abc")
    zip_code: str = Field("", regex=r"\A\d{5}")
    label: str = Field("", regex="^" "[a-z]" "+|x")


def lookup(q: str = Query(..., regex=re.compile("x").pattern)):
    return q
