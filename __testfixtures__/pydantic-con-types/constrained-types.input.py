from typing import Dict, List, Optional

from pydantic import (
    BaseModel,
    conbytes,
    condecimal,
    confloat,
    conint,
    conlist,
    conset,
    constr,
)


class Order(BaseModel):
    code: constr(min_length=3, max_length=8, regex=r"[A-Z]+", strip_whitespace=True)
    shout: constr(to_upper=True, max_length=8)
    ref: constr(to_upper=True, regex=r"[A-Z]+$")
    quantity: conint(gt=0, le=100)
    ratio: Optional[confloat(ge=0.0, le=1.0)] = None
    price: condecimal(max_digits=10, decimal_places=2)
    blob: conbytes(max_length=1024)
    lines: conlist(str, min_items=1, max_items=50)
    labels: conset(int, max_items=5) = set()
    scores: Dict[str, conint(ge=0)] = {}
    names: List[constr(strip_whitespace=True)] = []
