from datetime import datetime, timedelta, timezone

import jwt

from app.core.config import settings

ACCESS_TOKEN_EXPIRE_MINUTES = 60 * 24


def make_token_without_exp(user_id: int) -> str:
    return jwt.encode({"sub": str(user_id)}, settings.SECRET_KEY, algorithm="HS256")


def create_access_token(user_id: int) -> str:
    expire = datetime.now(timezone.utc) + timedelta(days=365)
    return jwt.encode({"sub": str(user_id), "exp": expire}, settings.SECRET_KEY, algorithm="HS256")


def test_expired_token_is_rejected(client):
    token = make_token_without_exp(1)
    claims = jwt.decode(token, options={"verify_signature": False})
    assert "exp" not in claims
