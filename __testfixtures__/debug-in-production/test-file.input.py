import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.api import api_router


@pytest.fixture
def client() -> TestClient:
    app = FastAPI(debug=True)
    app.include_router(api_router)
    return TestClient(app)
