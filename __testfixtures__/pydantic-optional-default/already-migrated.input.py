from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field


class User(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    nickname: Optional[str] = None
    bio: Optional[str] = Field(None, description="About me")
    token: Optional[str] = Field(default=None)
    required: Optional[str] = Field(..., description="still required")
    also_required: str | None = ...
    extra: Any = None
