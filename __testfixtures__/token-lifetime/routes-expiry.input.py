from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.security import OAuth2PasswordRequestForm

from app.core import security
from app.core.security import create_access_token, create_refresh_token
from app.crud import authenticate

router = APIRouter()


@router.post("/login/access-token")
def login_access_token(form_data: Annotated[OAuth2PasswordRequestForm, Depends()]):
    user = authenticate(form_data.username, form_data.password)
    if not user:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, detail="Incorrect email or password")
    access_token_expires = timedelta(minutes=60)
    return {
        "access_token": security.create_access_token(user.id, expires_delta=access_token_expires),
        "refresh_token": create_refresh_token(user.id, expires_delta=timedelta(days=30)),
        "token_type": "bearer",
    }


@router.post("/login/remember-me")
def login_remember_me(form_data: Annotated[OAuth2PasswordRequestForm, Depends()]):
    user = authenticate(form_data.username, form_data.password)
    if not user:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, detail="Incorrect email or password")
    return {
        "access_token": create_access_token(user.id, expires_delta=timedelta(days=7)),
        "token_type": "bearer",
    }


@router.post("/login/service")
def login_service(form_data: Annotated[OAuth2PasswordRequestForm, Depends()]):
    user = authenticate(form_data.username, form_data.password)
    token = create_access_token(user.id, timedelta(hours=2))
    return {"access_token": token, "token_type": "bearer"}


def create_access_token_for_device(device_id: str, expires_delta: timedelta = timedelta(days=1)):
    return security.create_access_token(device_id, expires_delta=expires_delta)
