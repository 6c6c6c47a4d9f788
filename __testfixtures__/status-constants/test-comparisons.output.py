from fastapi.testclient import TestClient

from app.main import app
from fastapi import status

client = TestClient(app)


def test_read():
    response = client.get("/")
    assert response.status_code == status.HTTP_200_OK
    assert status.HTTP_404_NOT_FOUND != response.status_code
    assert response.status_code in (status.HTTP_200_OK, status.HTTP_201_CREATED)
    assert response.status_code not in [status.HTTP_500_INTERNAL_SERVER_ERROR, status.HTTP_503_SERVICE_UNAVAILABLE]
    assert response.status_code >= 200
    assert response.json()["count"] == 200
