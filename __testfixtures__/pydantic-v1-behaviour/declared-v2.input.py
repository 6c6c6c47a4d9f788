from typing import Union

from pydantic import UUID4, BaseModel


class Event(BaseModel):
    id: Union[UUID4, str]
    label: str
