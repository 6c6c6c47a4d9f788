from typing import Dict, List, Optional, Annotated

from pydantic import (
    BaseModel,
    constr,
    StringConstraints,
    Field,
)
from decimal import Decimal


class Order(BaseModel):
    code: Annotated[str, StringConstraints(min_length=3, max_length=8, pattern=r"^[A-Z]+", strip_whitespace=True)]
    shout: Annotated[str, StringConstraints(to_upper=True, max_length=8)]
    ref: constr(to_upper=True, regex=r"[A-Z]+$")
    quantity: Annotated[int, Field(gt=0, le=100)]
    ratio: Optional[Annotated[float, Field(ge=0.0, le=1.0)]] = None
    price: Annotated[Decimal, Field(max_digits=10, decimal_places=2)]
    blob: Annotated[bytes, Field(max_length=1024)]
    lines: Annotated[list[str], Field(min_length=1, max_length=50)]
    labels: Annotated[set[int], Field(max_length=5)] = set()
    scores: Dict[str, Annotated[int, Field(ge=0)]] = {}
    names: List[Annotated[str, StringConstraints(strip_whitespace=True)]] = []
