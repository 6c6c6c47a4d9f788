from datetime import timedelta as td

import jose.jwt
from jwt import decode as jwt_decode
from jwt import encode as jwt_encode

from app.core.config import settings


def createAccessToken(user_id: int, expiresDelta: td = td(hours=1, minutes=30)) -> str:
    return jose.jwt.encode(claims={"sub": str(user_id)}, key=settings.SECRET_KEY)


def sign_api_key(key_id: str) -> str:
    return jwt_encode(dict(sub=key_id), settings.SECRET_KEY, algorithm="HS256")


def read(token: str) -> dict:
    return jwt_decode(token, settings.SECRET_KEY)


def read_jose(token: str) -> dict:
    return jose.jwt.decode(token, settings.SECRET_KEY, algorithms=None)
