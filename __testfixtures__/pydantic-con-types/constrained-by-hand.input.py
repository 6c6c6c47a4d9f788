from typing import List

from pydantic import BaseModel, conbytes, conlist, constr


class Upload(BaseModel):
    tags: conlist(str, unique_items=True)
    title: constr(curtail_length=20)
    raw: conbytes(to_upper=True)
    code: constr(to_lower=True, regex="[a-z]+")


class Shadowing(BaseModel):
    list = List

    items: conlist(int, min_items=1)
