import enum
from typing import List, Optional, Literal

from pydantic import BaseModel, Field


class Colour(str, enum.Enum):
    red = "red"


class Pet(BaseModel):
    kind: Literal["dog"] = "dog"
    sound: Literal["woof"] = Field(
        "woof",
        description="What it says",
    )
    species: Literal["canis"] = Field(default="canis", examples=["canis"])
    legs: List[str] = Field([])


class NotLiteral(BaseModel):
    count: int = Field(1, const=True)
    flag: bool = Field(True, const=True)
    code: str = Field("42", const=True)
    nothing: Optional[str] = Field(None, const=True)
    colour: Colour = Field(Colour.red, const=True)
    required: str = Field(..., const=True)
    made: str = Field(default_factory=lambda: "x", const=True)
    maybe: Optional[str] = Field("x", const=True)
    built: str = Field(f"{PREFIX}x", const=True)
    raw: bytes = Field(b"x", const=True)


class Lowered(BaseModel):
    kind: str = Field("dog", const=True)

    class Config:
        anystr_lower = True


KIND = Field("dog", const=True)
