import typing
from decimal import Decimal

import pydantic


class Money(pydantic.BaseModel):
    amount: typing.Annotated[Decimal, pydantic.Field(max_digits=12, decimal_places=2)]
    currency: typing.Annotated[str, pydantic.StringConstraints(min_length=3, max_length=3)]
    note: typing.Optional[str] = None
