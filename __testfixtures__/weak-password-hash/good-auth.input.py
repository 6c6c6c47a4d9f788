import base64
import hashlib
import hmac
from pathlib import Path

import bcrypt
from fastapi import APIRouter, Request, Response
from passlib.context import CryptContext

router = APIRouter()
pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto")


def get_password_hash(password: str) -> str:
    return pwd_context.hash(password)


def verify_password(plain_password: str, hashed_password: str) -> bool:
    return pwd_context.verify(plain_password, hashed_password)


def hash_long_password(password: str) -> bytes:
    # bcrypt reads 72 bytes at most: pre-hash, then bcrypt.
    prehashed = bcrypt.hashpw(
        base64.b64encode(hashlib.sha256(password.encode()).digest()), bcrypt.gensalt()
    )
    return prehashed


def derive_key(password: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


def file_checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cache_key(user_id: int, query: str) -> str:
    return hashlib.md5(f"{user_id}:{query}".encode(), usedforsecurity=False).hexdigest()


def legacy_fingerprint(password: str) -> str:
    return hashlib.md5(password.encode(), usedforsecurity=False).hexdigest()


def reset_token_digest(password_reset_token: str) -> str:
    return hashlib.sha256(password_reset_token.encode()).hexdigest()


def session_fingerprint(user) -> str:
    # Changes when the password does: old sessions stop working.
    return hashlib.sha256(user.hashed_password.encode()).hexdigest()[:16]


def same_digest(stored_digest: str, computed_digest: str) -> bool:
    return stored_digest == computed_digest


@router.get("/files/{name}")
def download(name: str, request: Request, response: Response):
    data = Path("files", name).read_bytes()
    etag = hashlib.md5(data).hexdigest()
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304)
    return Response(data, headers={"ETag": etag})


def check_webhook(body: bytes, signature: str, secret: bytes) -> bool:
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def password_ok(password: str) -> bool:
    return len(password) >= 12 and password != password.lower()
