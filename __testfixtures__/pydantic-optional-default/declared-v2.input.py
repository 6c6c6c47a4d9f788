# The project declares pydantic >= 2: a field without a default is required, as its authors meant.
from typing import Optional

from pydantic import BaseModel


class Item(BaseModel):
    name: Optional[str]
    price: float | None
