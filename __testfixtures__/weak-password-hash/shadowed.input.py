import pwd

from app.security import CryptContext
from app.security import hashlib


def system_user(username: str) -> str:
    entry = pwd.getpwnam(username)
    return entry.pw_dir


def is_current_user(pwd_entry, username: str) -> bool:
    return pwd_entry.pw_name == username


def hash_password(password: str) -> str:
    return hashlib.sha256(password.encode()).hexdigest()


def make_context():
    return CryptContext(schemes=["md5_crypt"])


def with_local(password: str, hashlib) -> str:
    return hashlib.md5(password.encode()).hexdigest()
