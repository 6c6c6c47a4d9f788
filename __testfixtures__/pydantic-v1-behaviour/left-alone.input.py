from enum import Enum
from typing import Literal, Optional, Union

from pydantic import BaseModel, Field


class Kind(Enum):
    a = "a"


class Cat(BaseModel):
    pet_type: Literal["cat"]


class Dog(BaseModel):
    pet_type: Literal["dog"]


class Owner(Cat):
    # a discriminated union says which member to pick
    pet: Union[Cat, Dog] = Field(..., discriminator="pet_type")
    # None aside, a single member is no union
    age: Optional[int] = None
    mode: Literal["x", "y"] = "x"
    # no use_enum_values: the member is what v1 gave too
    kind: Kind = Kind.a


class Smart(Cat):
    value: Union[int, str]

    class Config:
        smart_union = True


class NotAModel:
    value: Union[int, str]
    label: str
