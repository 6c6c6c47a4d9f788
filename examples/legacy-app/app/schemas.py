"""Request and response bodies."""
from typing import List, Optional

from pydantic import Extra, Field

from .models_base import APIModel, RecordModel


class ItemCreate(APIModel):
    name: str = Field(..., min_length=1, max_length=100)
    description: Optional[str] = Field(None, max_length=500)
    price: float = Field(..., gt=0)

    class Config:
        extra = Extra.forbid
        schema_extra = {
            "example": {"name": "Hammer", "description": "Steel claw hammer", "price": 12.5}
        }


class ItemUpdate(APIModel):
    name: Optional[str] = Field(None, min_length=1, max_length=100)
    description: Optional[str] = Field(None, max_length=500)
    price: Optional[float] = Field(None, gt=0)

    class Config:
        extra = Extra.forbid


class ItemOut(RecordModel):
    name: str
    description: Optional[str] = None
    price: float
    owner_id: Optional[int] = None

    class Config:
        schema_extra = {
            "example": {
                "id": 1,
                "created_at": "2023-06-30T12:00:00",
                "name": "Hammer",
                "description": "Steel claw hammer",
                "price": 12.5,
                "owner_id": None,
            }
        }


class UserCreate(APIModel):
    username: str = Field(..., min_length=3, max_length=50)
    full_name: str = Field(..., alias="fullName", min_length=1, max_length=100)

    class Config:
        extra = Extra.forbid
        schema_extra = {"example": {"username": "ada", "fullName": "Ada Lovelace"}}


class UserOut(RecordModel):
    username: str
    full_name: str = Field(..., alias="fullName")
    items: List[ItemOut] = []


class NotifyRequest(APIModel):
    channel: str = Field("email", max_length=20)
    message: Optional[str] = Field(None, max_length=200)


class ServiceInfo(APIModel):
    """What /info reports; handed around as a value, so it must not change after creation."""

    name: str
    version: str

    class Config:
        allow_mutation = False
