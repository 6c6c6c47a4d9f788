from typing import Any, Optional, Union

from pydantic import BaseModel, Field


class User(BaseModel):
    id: int
    nickname: Optional[str]
    age: Union[int, None]
    reversed_union: Union[None, int]
    website: str | None
    first: None | str
    payload: Any
    bio: Optional[str] = Field(description="About me")
    avatar: Optional[str] = Field(alias="avatarUrl", max_length=200)
    empty: Optional[str] = Field()
    required_but_nullable: Optional[str] = ...
    required_field: Optional[str] = Field(..., description="Must be sent")
    explicit: Optional[str] = Field(default="x")
    factory: Optional[list] = Field(default_factory=list)
    has_default: Optional[str] = "anon"
    count: int = 0
