from typing import Any, Optional, Union

from pydantic import BaseModel, Field


class User(BaseModel):
    id: int
    nickname: Optional[str] = None
    age: Union[int, None] = None
    reversed_union: Union[None, int] = None
    website: str | None = None
    first: None | str = None
    payload: Any = None
    bio: Optional[str] = Field(None, description="About me")
    avatar: Optional[str] = Field(None, alias="avatarUrl", max_length=200)
    empty: Optional[str] = Field(None)
    required_but_nullable: Optional[str] = ...
    required_field: Optional[str] = Field(..., description="Must be sent")
    explicit: Optional[str] = Field(default="x")
    factory: Optional[list] = Field(default_factory=list)
    has_default: Optional[str] = "anon"
    count: int = 0
