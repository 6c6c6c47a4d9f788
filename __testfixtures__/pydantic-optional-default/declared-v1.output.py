# The project declares pydantic 1: whatever a class imports, v1 semantics are what run today.
from typing import Optional

from pydantic import BaseModel, ConfigDict


class Item(BaseModel):
    name: Optional[str] = None

    model_config = ConfigDict(from_attributes=True)
