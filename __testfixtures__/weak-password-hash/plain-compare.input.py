import secrets

from fastapi import APIRouter, Depends, HTTPException, status
from pydantic import BaseModel

from app.core.config import settings
from app.core.security import get_password_hash, verify_password
from app.deps import get_current_user
from app.models import User

router = APIRouter()


class PasswordChange(BaseModel):
    current_password: str
    new_password: str
    new_password_confirm: str


class RegisterIn(BaseModel):
    username: str
    password: str
    password2: str


class LegacyUser:
    def __init__(self, username: str, password: str) -> None:
        self.username = username
        self.password = password

    def check_password(self, password: str) -> bool:
        return self.password == password


@router.post("/users/me/password")
def change_password(body: PasswordChange, user: User = Depends(get_current_user)):
    if body.current_password != user.password:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, detail="Wrong password")
    if body.new_password != body.new_password_confirm:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, detail="Passwords do not match")
    if body.new_password == body.current_password:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, detail="Choose a new password")
    if body.new_password == "" or user.password is None:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, detail="Password required")
    user.hashed_password = get_password_hash(body.new_password)
    return {"detail": "Password updated"}


@router.post("/register")
def register(body: RegisterIn):
    if body.password != body.password2:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, detail="Passwords do not match")
    if body.password == body.username or body.password == body.password.lower():
        raise HTTPException(status.HTTP_400_BAD_REQUEST, detail="Password too weak")
    return {"username": body.username}


@router.post("/admin/login")
def admin_login(payload: dict):
    if payload.get("password") == settings.ADMIN_PASSWORD:
        return {"ok": True}
    if secrets.compare_digest(payload.get("password", ""), settings.ADMIN_PASSWORD):
        return {"ok": True}
    raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="Invalid credentials")


def authenticate(user: User, password: str) -> bool:
    if verify_password(password, user.hashed_password) == False:  # noqa: E712
        return False
    hashed = get_password_hash(password)
    return hashed == user.hashed_password
