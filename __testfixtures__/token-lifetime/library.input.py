# The same code in a project that builds no FastAPI app or router (a library): not reported.
from datetime import datetime, timedelta
from typing import Any, Union

from jose import jwt
from passlib.context import CryptContext

from app.core.config import settings

pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto")

ALGORITHM = "HS256"
ACCESS_TOKEN_EXPIRE_MINUTES = 60 * 24 * 8  # 8 days


def create_access_token(
    subject: Union[str, Any], expires_delta: timedelta | None = None
) -> str:
    if expires_delta:
        expire = datetime.utcnow() + expires_delta
    else:
        expire = datetime.utcnow() + timedelta(days=7)
    to_encode = {"exp": expire, "sub": str(subject)}
    return jwt.encode(to_encode, settings.SECRET_KEY, algorithm=ALGORITHM)


def create_email_token(email: str) -> str:
    return jwt.encode({"sub": email, "scope": "verify"}, settings.SECRET_KEY, algorithm=ALGORITHM)


def read_subject(token: str) -> str:
    payload = jwt.decode(token, settings.SECRET_KEY)
    return payload["sub"]


def read_subject_no_algorithms(token: str) -> str:
    payload = jwt.decode(token, settings.SECRET_KEY, None)
    return payload["sub"]
