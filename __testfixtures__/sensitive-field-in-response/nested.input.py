from typing import Generic, Optional, Sequence, TypeVar

from fastapi import APIRouter
from pydantic import BaseModel

router = APIRouter()

T = TypeVar("T")


class Credentials(BaseModel):
    username: str
    password_hash: str
    salt: str


class Webhook(BaseModel):
    url: str
    signing_secret: str


class Integration(BaseModel):
    name: str
    credentials: Credentials
    webhooks: list[Webhook] = []
    parent: Optional["Integration"] = None


class Page(BaseModel, Generic[T]):
    items: Sequence[T]
    total: int
    next_page_token: Optional[str] = None


class Team(BaseModel):
    id: int
    name: str


IntegrationList = list[Integration]


@router.get("/integrations/{integration_id}", response_model=Integration)
async def read_integration(integration_id: int):
    ...


@router.get("/integrations", response_model=Page[Integration])
async def list_integrations():
    ...


@router.get("/integrations-all", response_model=IntegrationList)
async def all_integrations():
    ...


@router.get("/teams", response_model=Page[Team])
async def list_teams():
    ...
