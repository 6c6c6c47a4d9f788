import typing
import typing as t
from typing import Annotated, ClassVar, Dict, List, Optional, Union

import pydantic
from pydantic import Field
from typing_extensions import Optional as XOptional


class Base(pydantic.BaseModel):
    pass


class Profile(Base):
    a: typing.Optional[int]
    b: t.Union[int, str, None]
    c: (Optional[int])
    d: Annotated[Optional[int], Field(description="x")]
    e: Union[Optional[int], str]
    f: XOptional[int]
    g: Optional[int]  # trailing comment stays
    h: Optional[
        Dict[str, int]
    ]
    i: Optional[int] = Field(
        description="multi-line",
        ge=0,
    )
    j: typing.Any
    k: Annotated[Optional[int], Field(default=3)]
    nested_list: List[Optional[int]]
    plain: Dict[str, Optional[int]]
    mode: ClassVar[Optional[str]]
    _private: Optional[int]
    __root_like__: Optional[int]
    text: "Optional[int]"
    forward: "Profile | None"
    quoted: Optional["Profile"]
    union_text: "t.Union[int, None]"
    listed: "List[Optional[int]]"

    class Config:
        extra: Optional[str]
