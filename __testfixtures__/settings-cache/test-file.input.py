from fastapi.testclient import TestClient

from app.config import Settings
from app.main import app, get_settings


def get_settings_override():
    return Settings(admin_email="testing_admin@example.com")


app.dependency_overrides[get_settings] = get_settings_override
client = TestClient(app)
