from passlib import context
from passlib.context import CryptContext
from passlib.hash import bcrypt, ldap_salted_sha1, md5_crypt, plaintext

# Migrating away from md5_crypt: old hashes verify and are replaced on login.
migrating = CryptContext(schemes=["bcrypt", "md5_crypt"], deprecated="auto")
migrating_listed = CryptContext(schemes=["argon2", "ldap_salted_sha1"], deprecated=["ldap_salted_sha1"])

legacy = CryptContext(schemes=["bcrypt", "plaintext"])
ldap = context.CryptContext(schemes=("ldap_salted_sha1", "ldap_plaintext"), deprecated="auto")
from_string = CryptContext(schemes="des_crypt,bcrypt")
wrong_default = CryptContext(schemes=["bcrypt", "hex_md5"], default="hex_md5", deprecated="auto")
handlers = CryptContext(schemes=[bcrypt, md5_crypt])
good = CryptContext(schemes=["argon2", "bcrypt", "pbkdf2_sha256", "scrypt"], deprecated="auto")


def legacy_hash(password: str) -> str:
    return md5_crypt.hash(password)


def ldap_hash(password: str) -> str:
    return ldap_salted_sha1.hash(password)


def bcrypt_hash(password: str) -> str:
    return bcrypt.hash(password)


def store_as_is(password: str) -> str:
    return plaintext.hash(password)
