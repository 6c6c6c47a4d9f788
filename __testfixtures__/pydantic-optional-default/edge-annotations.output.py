import typing
import typing as t
from typing import Annotated, ClassVar, Dict, List, Optional, Union

import pydantic
from pydantic import Field
from typing_extensions import Optional as XOptional


class Base(pydantic.BaseModel):
    pass


class Profile(Base):
    a: typing.Optional[int] = None
    b: t.Union[int, str, None] = None
    c: (Optional[int]) = None
    d: Annotated[Optional[int], Field(description="x")] = None
    e: Union[Optional[int], str] = None
    f: XOptional[int] = None
    g: Optional[int] = None  # trailing comment stays
    h: Optional[
        Dict[str, int]
    ] = None
    i: Optional[int] = Field(
        None,
        description="multi-line",
        ge=0,
    )
    j: typing.Any = None
    k: Annotated[Optional[int], Field(default=3)]
    nested_list: List[Optional[int]]
    plain: Dict[str, Optional[int]]
    mode: ClassVar[Optional[str]]
    _private: Optional[int]
    __root_like__: Optional[int]
    text: "Optional[int]" = None
    forward: "Profile | None" = None
    quoted: Optional["Profile"] = None
    union_text: "t.Union[int, None]" = None
    listed: "List[Optional[int]]"

    class Config:
        extra: Optional[str]
