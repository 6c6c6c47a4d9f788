import typing
from decimal import Decimal

import pydantic


class Money(pydantic.BaseModel):
    amount: pydantic.condecimal(max_digits=12, decimal_places=2)
    currency: pydantic.constr(min_length=3, max_length=3)
    note: typing.Optional[str] = None
