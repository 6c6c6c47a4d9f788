from dataclasses import dataclass

from fastapi import APIRouter
from pydantic import BaseModel


class BaseModel:  # a local class shadowing pydantic's
    pass


class Secrets(BaseModel):
    api_key: str


router = APIRouter()


@router.get("/secrets", response_model=Secrets)
async def read_secrets():
    ...


@router.websocket("/ws")
async def ws(websocket) -> Secrets:
    ...
