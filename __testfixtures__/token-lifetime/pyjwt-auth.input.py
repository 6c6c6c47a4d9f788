import time
from datetime import datetime, timedelta, timezone

import jwt
from fastapi import Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer

SECRET_KEY = "change-me"
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="auth/token")


def create_access_token(user_id: int, scopes: list[str]) -> str:
    payload = {"sub": str(user_id)}
    payload["scopes"] = scopes
    payload.update({"iat": datetime.now(timezone.utc)})
    return jwt.encode(payload, SECRET_KEY, algorithm="HS256")


def create_api_key_token(user_id: int) -> str:
    claims = dict(sub=str(user_id), kind="api-key")
    return jwt.encode(payload=claims, key=SECRET_KEY, algorithm="HS256")


def create_session_token(user_id: int) -> str:
    return jwt.encode(
        {"sub": str(user_id), "exp": int(time.time()) + 60 * 60 * 12},
        SECRET_KEY,
        algorithm="HS256",
    )


def generate_access_token(user_id: int) -> str:
    return jwt.encode(
        {"sub": str(user_id), "exp": int(time.time()) + 60 * 60 * 12},
        SECRET_KEY,
        algorithm="HS256",
    )


def get_current_user_id(token: str = Depends(oauth2_scheme)) -> int:
    try:
        payload = jwt.decode(token, SECRET_KEY, options={"verify_exp": False}, algorithms=["HS256"])
    except jwt.PyJWTError:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="Invalid token")
    return int(payload["sub"])


def peek_claims(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def legacy_claims(token: str) -> dict:
    return jwt.decode(token, SECRET_KEY, verify=False)


def any_algorithm(token: str) -> dict:
    return jwt.decode(token, SECRET_KEY)
