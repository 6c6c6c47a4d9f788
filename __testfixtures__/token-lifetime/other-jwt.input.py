from authlib.jose import jwt as authlib_jwt
from fastapi import FastAPI

from app.auth import jwt as project_jwt
from app.auth.handler import JWTHandler

app = FastAPI()
jwt = JWTHandler(secret="from-env")


def issue(user_id: int) -> str:
    return jwt.encode({"sub": str(user_id)})


def check(token: str) -> dict:
    return jwt.decode(token)


def issue_authlib(user_id: int, key: bytes) -> bytes:
    return authlib_jwt.encode({"alg": "HS256"}, {"sub": str(user_id)}, key)


def issue_project(user_id: int) -> str:
    return project_jwt.encode({"sub": str(user_id)})


def decode_param(jwt, token: str) -> dict:
    return jwt.decode(token)
