from typing import Optional

from pydantic import BaseModel


class Tag:
    pass


class Post(BaseModel):
    Tag: Optional[Tag]
