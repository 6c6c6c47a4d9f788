from datetime import datetime
from typing import Annotated, ClassVar, Optional

from fastapi import APIRouter, Depends, status
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel, Field, SecretStr, field_serializer

from app import models
from app.deps import get_db

router = APIRouter()

TOKEN_URL = "/auth/token"


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str


class ApiKeyCreated(BaseModel):
    id: int
    api_key: str


class UserCreate(BaseModel):
    email: str
    password: str


class UserOut(BaseModel):
    id: int
    email: str
    has_password: bool
    password_changed_at: Optional[datetime] = None
    password_reset_required: bool = False
    token_expires_at: Optional[datetime] = None
    failed_password_attempts: int = 0
    public_key: Optional[str] = None
    idempotency_key: Optional[str] = None
    csrf_token: str
    smtp_password: SecretStr
    webhook_secret: Annotated[str, Field(exclude=True)]
    hashed_password: str = Field(exclude=True)
    _salt: str = "x"
    secret_rotation_days: ClassVar[int] = 90


class Invite(BaseModel):
    email: str
    invite_token: str

    @field_serializer("invite_token")
    def mask(self, value: str) -> str:
        return value[:4] + "..."


@router.post("/auth/token", response_model=Token)
async def login(form: OAuth2PasswordRequestForm = Depends(), db=Depends(get_db)):
    ...


@router.post("/auth/refresh")
async def refresh(refresh_token: str) -> TokenPair:
    ...


@router.post("/api-keys", response_model=ApiKeyCreated, status_code=status.HTTP_201_CREATED)
async def create_api_key(db=Depends(get_db)):
    ...


@router.post("/users", response_model=UserOut, status_code=status.HTTP_201_CREATED)
async def create_user(user: UserCreate, db=Depends(get_db)):
    ...


@router.post("/users/raw", response_model=None)
async def create_user_raw(user: UserCreate) -> UserCreate:
    return user


@router.get("/users/{user_id}/orm")
async def read_user_orm(user_id: int, db=Depends(get_db)) -> models.User:
    ...


@router.get("/invites/{invite_id}", response_model=Invite)
async def read_invite(invite_id: int):
    ...


def not_a_route() -> UserCreate:
    return UserCreate(email="a@example.com", password="x")
