import hashlib
from hashlib import sha1
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.security import OAuth2PasswordRequestForm

from app.crud import get_user_by_email
from app.models import User

router = APIRouter()


def get_password_hash(password: str) -> str:
    return hashlib.sha256(password.encode()).hexdigest()


def hash_with_salt(password: str, salt: str) -> str:
    return hashlib.sha512((salt + password).encode("utf-8")).hexdigest()


def legacy_hash(user: User) -> str:
    return hashlib.md5(user.password.encode()).hexdigest()


def import_hash(row: dict) -> str:
    return sha1(row["password"].encode()).hexdigest()


def php_compatible_hash(pwd: str) -> str:
    return hashlib.new("md5", pwd.encode()).hexdigest()


def peppered_hash(password: str, pepper: str) -> str:
    return hashlib.sha256(f"{pepper}:{password}".encode()).hexdigest()


def streamed_hash(plain_password: str) -> str:
    digest = hashlib.sha256()
    digest.update(plain_password.encode())
    return digest.hexdigest()


@router.post("/login")
def login(form_data: Annotated[OAuth2PasswordRequestForm, Depends()]):
    user = get_user_by_email(form_data.username)
    if not user or user.hashed_password != get_password_hash(form_data.password):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="Incorrect email or password")
    return {"access_token": user.id, "token_type": "bearer"}
