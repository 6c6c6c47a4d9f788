import hashlib as hl
from hashlib import new as new_hash

from passlib import context as passlib_context


class UserService:
    pwd_context = passlib_context.CryptContext(["md5_crypt"])

    def hash(self, credentials) -> str:
        return hl.sha1(credentials.passwd).hexdigest()

    def hash_new(self, userPassword: str) -> str:
        return new_hash(name="sha256", data=userPassword.encode()).hexdigest()

    def hash_bytes(self, password: str) -> bytes:
        return hl.blake2b(bytes(password, "utf-8")).digest()
