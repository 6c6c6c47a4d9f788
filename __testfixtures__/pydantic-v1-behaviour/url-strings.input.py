from typing import Optional

from pydantic import AnyHttpUrl, BaseModel, Field, validator


class Resource(BaseModel):
    name: str
    weblink: Optional[AnyHttpUrl] = Field(None, nullable=True)

    @validator("weblink")
    def check(cls, v):
        if v is None or isinstance(v, AnyHttpUrl):
            return v
        raise ValueError("not a weblink")
