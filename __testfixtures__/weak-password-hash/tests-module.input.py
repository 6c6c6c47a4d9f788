import hashlib

import pytest
from passlib.context import CryptContext

# Plain schemes keep the test suite fast.
test_pwd_context = CryptContext(schemes=["plaintext"])


@pytest.fixture
def user(db):
    password = "s3cret-password"
    return db.add_user(email="a@example.com", hashed_password=hashlib.md5(password.encode()).hexdigest())


def test_password_is_stored(user):
    assert user.password == "s3cret-password"
    assert user.hashed_password != user.password
