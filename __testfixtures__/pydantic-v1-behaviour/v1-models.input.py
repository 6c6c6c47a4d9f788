from enum import Enum
from typing import Optional, Union

from pydantic import UUID4, BaseModel, Field


class Image(Enum):
    has_image = "has image"
    no_image = "no image"


class AppModel(BaseModel):
    """Every schema of the app is built on this one."""


class Event(AppModel):
    id: UUID4 | str
    image: Image | None = Image.no_image
    other: Optional[Image] = Field(Image.has_image, description="second image")
    amounts: list[Union[int, float]] = []
    maybe: Optional[Union[int, str]] = None
    choice: Union[int, str] = Field(0, description="either")
    plain: Optional[int] = None

    class Config:
        use_enum_values = True


class Counts(BaseModel):
    total: int
    label: Optional[str]
