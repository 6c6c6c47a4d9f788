from fastapi.testclient import TestClient

from app.main import app

client = TestClient(app)


def test_read():
    response = client.get("/")
    assert response.status_code == 200
    assert 404 != response.status_code
    assert response.status_code in (200, 201)
    assert response.status_code not in [500, 503]
    assert response.status_code >= 200
    assert response.json()["count"] == 200
