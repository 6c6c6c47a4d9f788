from pydantic import BaseModel, Field
from typing_extensions import Literal


class Pet(BaseModel):
    kind: Literal["dog"] = "dog"
