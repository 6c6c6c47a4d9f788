import os

import pytest
from fastapi.testclient import TestClient

from app.main import app


@pytest.fixture
def client():
    os.environ["API_KEY"] = "test-key"
    return TestClient(app)


def test_rates(client):
    response = client.get("/rates", headers={"X-API-Key": os.environ["API_KEY"]})
    assert response.status_code == 200
    assert os.getenv("DATABASE_URL", "").startswith("sqlite")
