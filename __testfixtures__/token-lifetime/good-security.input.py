import os
from datetime import datetime, timedelta, timezone

import jwt
from fastapi import Response

SECRET_KEY = os.environ["SECRET_KEY"]
ALGORITHM = "HS256"
TOKEN_URL = "/auth/token"
ACCESS_TOKEN_EXPIRE_MINUTES = 15
ACCESS_TOKEN_EXPIRE_SECONDS = 1800
REFRESH_TOKEN_EXPIRE_DAYS = 7
REFRESH_TOKEN_LIFETIME = timedelta(days=30)
ACCESS_LOG_RETENTION_DAYS = 90
ACCESS_CODE_EXPIRE_MINUTES = 60
SESSION_COOKIE_MAX_AGE = 60 * 60 * 24 * 14
CACHE_TTL = timedelta(hours=6)
PASSWORD_RESET_TOKEN_EXPIRE_HOURS = 24


def create_access_token(subject: str, expires_delta: timedelta | None = None) -> str:
    now = datetime.now(timezone.utc)
    expire = now + (expires_delta or timedelta(minutes=ACCESS_TOKEN_EXPIRE_MINUTES))
    to_encode = {"sub": subject, "iat": now}
    to_encode.update({"exp": expire})
    return jwt.encode(to_encode, SECRET_KEY, algorithm=ALGORITHM)


def create_refresh_token(subject: str) -> str:
    expire = datetime.now(timezone.utc) + timedelta(days=REFRESH_TOKEN_EXPIRE_DAYS)
    payload = {"sub": subject, "type": "refresh"}
    payload["exp"] = expire
    return jwt.encode(payload, SECRET_KEY, algorithm=ALGORITHM)


def create_access_and_refresh_tokens(subject: str) -> dict:
    access = create_access_token(subject)
    refresh_expire = datetime.now(timezone.utc) + timedelta(days=7)
    claims = dict(sub=subject, exp=refresh_expire)
    return {"access_token": access, "refresh_token": jwt.encode(claims, SECRET_KEY)}


def create_password_reset_token(email: str) -> str:
    expires = datetime.now(timezone.utc) + timedelta(hours=PASSWORD_RESET_TOKEN_EXPIRE_HOURS)
    return jwt.encode({"exp": expires, "sub": email}, SECRET_KEY, algorithm=ALGORITHM)


def set_access_cookie(response: Response, token: str) -> None:
    response.set_cookie("access_token", token, httponly=True, max_age=60 * 60 * 24)


def read_token(token: str) -> dict:
    return jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM], options={"verify_aud": False})


def read_refresh_token(token: str) -> dict:
    return jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM], options={"verify_exp": True})
