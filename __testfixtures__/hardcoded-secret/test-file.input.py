import pytest
from fastapi.testclient import TestClient
from pydantic_settings import BaseSettings

from app.main import app

TEST_SECRET_KEY = "4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b"
TEST_DATABASE_URL = "postgresql://test:t3st-pw@localhost:5432/test"


class TestSettings(BaseSettings):
    secret_key: str = "test-secret-7d8e9f"


@pytest.fixture
def client():
    return TestClient(app)


def test_login(client):
    response = client.post("/login", data={"username": "alice", "password": "wonderland"})
    assert response.status_code == 200
