from datetime import datetime, timedelta, timezone

from jose import jwt

from app.core.config import settings
from app.core.claims import add_standard_claims


def create_access_token(data: dict, expires_delta: timedelta | None = None) -> str:
    to_encode = data.copy()
    expire = datetime.now(timezone.utc) + (expires_delta or timedelta(minutes=15))
    to_encode.update({"exp": expire})
    return jwt.encode(to_encode, settings.SECRET_KEY, algorithm=settings.ALGORITHM)


def create_token(data: dict) -> str:
    return jwt.encode(data, settings.SECRET_KEY, algorithm=settings.ALGORITHM)


def create_service_token(service: str, extra: dict) -> str:
    claims = {"sub": service}
    claims.update(extra)
    return jwt.encode(claims, settings.SECRET_KEY, algorithm=settings.ALGORITHM)


def create_scoped_token(service: str, scopes: list[str]) -> str:
    claims = {"sub": service, "scopes": scopes}
    add_standard_claims(claims)
    return jwt.encode(claims, settings.SECRET_KEY, algorithm=settings.ALGORITHM)


def create_merged_token(service: str, base: dict) -> str:
    return jwt.encode({**base, "sub": service}, settings.SECRET_KEY, algorithm=settings.ALGORITHM)


def create_keyed_token(service: str, key: str, value: str) -> str:
    claims = {"sub": service}
    claims[key] = value
    return jwt.encode(claims, settings.SECRET_KEY, algorithm=settings.ALGORITHM)


def create_rebound_token(service: str, lifetime: timedelta | None) -> str:
    claims = {"sub": service}
    if lifetime:
        claims = {"sub": service, "exp": datetime.now(timezone.utc) + lifetime}
    return jwt.encode(claims, settings.SECRET_KEY, algorithm=settings.ALGORITHM)


def decode_with(token: str, **kwargs) -> dict:
    return jwt.decode(token, settings.SECRET_KEY, **kwargs)


def decode_with_options(token: str, options: dict) -> dict:
    return jwt.decode(token, settings.SECRET_KEY, algorithms=["HS256"], options=options)


def create_access_token_with(subject: str, minutes: int) -> str:
    expire = datetime.now(timezone.utc) + timedelta(minutes=minutes)
    return jwt.encode({"sub": subject, "exp": expire}, settings.SECRET_KEY, algorithm="HS256")


ACCESS_TOKEN_EXPIRE_MINUTES = int(settings.get("ACCESS_TOKEN_EXPIRE_MINUTES", 60 * 24))
