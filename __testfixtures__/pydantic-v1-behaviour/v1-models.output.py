from enum import Enum
from typing import Optional, Union, Annotated

from pydantic import UUID4, BaseModel, Field, ConfigDict


class Image(Enum):
    has_image = "has image"
    no_image = "no image"


class AppModel(BaseModel):
    """Every schema of the app is built on this one."""

    model_config = ConfigDict(coerce_numbers_to_str=True)


class Event(AppModel):
    id: Annotated[UUID4 | str, Field(union_mode="left_to_right")]
    image: Annotated[Image | None, Field(validate_default=True)] = Image.no_image
    other: Optional[Image] = Field(Image.has_image, description="second image", validate_default=True)
    amounts: list[Annotated[Union[int, float], Field(union_mode="left_to_right")]] = []
    maybe: Optional[Annotated[Union[int, str], Field(union_mode="left_to_right")]] = None
    choice: Union[int, str] = Field(0, description="either", union_mode="left_to_right")
    plain: Optional[int] = None

    class Config:
        use_enum_values = True


class Counts(BaseModel):
    model_config = ConfigDict(coerce_numbers_to_str=True)

    total: int
    label: Optional[str]
