"""End-to-end tests: every route, through the ASGI app, on an in-memory SQLite database."""
import os

# Settings are read once, when the app is imported: configure the test environment first.
os.environ["LEGACY_DATABASE_URL"] = "sqlite://"
os.environ["LEGACY_DB_RETRY_DELAY"] = "0.01"
os.environ["LEGACY_UPSTREAM_LATENCY"] = "0.01"
os.environ["LEGACY_NOTIFY_DELAY"] = "0.01"
os.environ["LEGACY_THROTTLE_DELAY"] = "0.01"
os.environ["LEGACY_MAX_PAGE_SIZE"] = "50"

import pytest  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from app import __version__  # noqa: E402
from app.config import Settings, get_settings  # noqa: E402
from app.db import Base, engine  # noqa: E402
from app.main import app  # noqa: E402
from app.routers import items as items_router  # noqa: E402
from app.schemas import ServiceInfo  # noqa: E402

# Every route of the app; test_every_route_is_listed keeps this in step with the app.
ROUTES = {
    ("GET", "/health"),
    ("GET", "/info"),
    ("GET", "/items/"),
    ("POST", "/items/"),
    ("GET", "/items/{item_id}"),
    ("PATCH", "/items/{item_id}"),
    ("DELETE", "/items/{item_id}"),
    ("GET", "/items/{item_id}/quote"),
    ("POST", "/items/{item_id}/notify"),
    ("GET", "/users/"),
    ("POST", "/users/"),
    ("GET", "/users/by-username/{username}"),
    ("GET", "/users/{user_id}"),
    ("POST", "/users/{user_id}/items"),
}


@pytest.fixture()
def client():
    Base.metadata.drop_all(bind=engine)
    items_router.outbox.clear()
    with TestClient(app) as test_client:  # runs the lifespan: waits for the db, creates tables
        yield test_client


def make_item(client, **overrides):
    body = {"name": "Hammer", "description": "Steel claw hammer", "price": 12.5}
    body.update(overrides)
    response = client.post("/items/", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def make_user(client, username="ada", full_name="Ada Lovelace"):
    response = client.post("/users/", json={"username": username, "fullName": full_name})
    assert response.status_code == 201, response.text
    return response.json()


def test_every_route_is_listed():
    # Read from the OpenAPI document: how app.routes shows included routers varies by version.
    paths = app.openapi()["paths"]
    found = {(method.upper(), path) for path, operations in paths.items() for method in operations}
    assert found == ROUTES


def test_settings_come_from_the_environment():
    settings = get_settings()
    assert isinstance(settings, Settings)
    assert settings.database_url == "sqlite://"
    assert settings.max_page_size == 50
    assert settings.notify_delay == 0.01


def test_health(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_info(client):
    response = client.get("/info")
    assert response.status_code == 200
    assert response.json() == {"name": "Legacy Inventory API", "version": __version__}


def test_service_info_is_immutable():
    info = ServiceInfo(name="x", version="1")
    # Pydantic 1 raises TypeError here, Pydantic 2 a ValidationError (a ValueError).
    with pytest.raises((TypeError, ValueError)):
        info.name = "y"
    assert info.name == "x"


def test_create_item_strips_whitespace(client):
    item = make_item(client, name="  Hammer  ", description=" Steel claw hammer ")
    assert item["name"] == "Hammer"
    assert item["description"] == "Steel claw hammer"
    assert item["price"] == 12.5
    assert item["owner_id"] is None
    assert isinstance(item["id"], int)
    assert item["created_at"]


def test_create_item_rejects_unknown_fields(client):
    response = client.post("/items/", json={"name": "Saw", "price": 3, "colour": "red"})
    assert response.status_code == 422
    assert client.get("/items/").json() == []


def test_create_item_validates_price(client):
    response = client.post("/items/", json={"name": "Saw", "price": 0})
    assert response.status_code == 422


def test_list_items_pages(client):
    for n in range(5):
        make_item(client, name=f"item {n}", price=n + 1)
    response = client.get("/items/", params={"skip": 1, "limit": 2})
    assert response.status_code == 200
    assert [i["name"] for i in response.json()] == ["item 1", "item 2"]


def test_list_items_limit_too_large(client):
    response = client.get("/items/", params={"limit": 51})
    assert response.status_code == 400
    assert response.json() == {"detail": "limit must not exceed 50"}


def test_read_item(client):
    created = make_item(client)
    response = client.get(f"/items/{created['id']}")
    assert response.status_code == 200
    assert response.json() == created


def test_read_missing_item(client):
    response = client.get("/items/999")
    assert response.status_code == 404
    assert response.json() == {"detail": "Item not found"}


def test_update_item(client):
    created = make_item(client)
    response = client.patch(f"/items/{created['id']}", json={"price": 15})
    assert response.status_code == 200
    assert response.json()["price"] == 15.0
    assert response.json()["name"] == "Hammer"


def test_update_item_needs_a_field(client):
    created = make_item(client)
    response = client.patch(f"/items/{created['id']}", json={})
    assert response.status_code == 400
    assert response.json() == {"detail": "No fields to update"}


def test_update_item_rejects_unknown_fields(client):
    created = make_item(client)
    response = client.patch(f"/items/{created['id']}", json={"stock": 3})
    assert response.status_code == 422


def test_update_missing_item(client):
    response = client.patch("/items/999", json={"price": 1})
    assert response.status_code == 404


def test_delete_item(client):
    created = make_item(client)
    response = client.delete(f"/items/{created['id']}")
    assert response.status_code == 204
    assert response.content == b""
    assert client.get(f"/items/{created['id']}").status_code == 404
    assert client.delete(f"/items/{created['id']}").status_code != 204


def test_price_quote(client):
    created = make_item(client, price=2.5)
    response = client.get(f"/items/{created['id']}/quote", params={"quantity": 3})
    assert response.status_code == 200
    assert response.json() == {"item_id": created["id"], "quantity": 3, "total": 7.5}


def test_price_quote_missing_item(client):
    assert client.get("/items/999/quote").status_code == 404


def test_notify_about_item(client):
    created = make_item(client)
    response = client.post(f"/items/{created['id']}/notify", json={"channel": "sms"})
    assert response.status_code == 202
    assert response.json() == {"status": "queued", "item_id": created["id"], "channel": "sms"}
    assert items_router.outbox == [
        {
            "type": "item.notify",
            "item": {"id": created["id"], "name": "Hammer", "price": 12.5},
            "channel": "sms",
            "message": None,
        }
    ]


def test_notify_about_missing_item(client):
    response = client.post("/items/999/notify", json={})
    assert response.status_code == 404
    assert items_router.outbox == []


def test_create_and_list_users(client):
    user = make_user(client, username="  ada ")
    assert user["username"] == "ada"
    assert user["fullName"] == "Ada Lovelace"
    assert user["items"] == []
    response = client.get("/users/")
    assert response.status_code == 200
    assert [u["username"] for u in response.json()] == ["ada"]


def test_create_user_by_field_name(client):
    response = client.post("/users/", json={"username": "grace", "full_name": "Grace Hopper"})
    assert response.status_code == 201
    assert response.json()["fullName"] == "Grace Hopper"


def test_create_user_twice(client):
    make_user(client)
    response = client.post("/users/", json={"username": "ada", "fullName": "Someone Else"})
    assert response.status_code == 409
    assert response.json() == {"detail": "Username already taken"}


def test_create_user_rejects_unknown_fields(client):
    response = client.post(
        "/users/", json={"username": "ada", "fullName": "Ada Lovelace", "admin": True}
    )
    assert response.status_code in (400, 422)


def test_read_user_with_items(client):
    user = make_user(client)
    response = client.post(f"/users/{user['id']}/items", json={"name": "Loom", "price": 99})
    assert response.status_code == 201
    item = response.json()
    assert item["owner_id"] == user["id"]
    response = client.get(f"/users/{user['id']}")
    assert response.status_code == 200
    assert response.json()["items"] == [item]


def test_read_missing_user(client):
    response = client.get("/users/999")
    assert response.status_code == 404
    assert response.json() == {"detail": "User not found"}


def test_create_item_for_missing_user(client):
    response = client.post("/users/999/items", json={"name": "Loom", "price": 99})
    assert response.status_code == 404


def test_find_user_by_username(client):
    user = make_user(client)
    for _ in range(2):  # the second lookup is throttled, but still answered
        response = client.get("/users/by-username/ada")
        assert response.status_code == 200
        assert response.json()["id"] == user["id"]
    assert client.get("/users/by-username/nobody").status_code == 404


def test_openapi_documents_examples_and_errors(client):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["components"]["schemas"]["ItemCreate"]["example"]["name"] == "Hammer"
    assert schema["components"]["schemas"]["UserCreate"]["example"]["fullName"] == "Ada Lovelace"
    item_get = schema["paths"]["/items/{item_id}"]["get"]
    assert item_get["responses"]["404"]["description"] == "No such item"
    assert schema["paths"]["/items/"]["get"]["responses"]["404"]["description"] == "Item not found"
    assert schema["paths"]["/users/{user_id}"]["get"]["responses"]["404"]["description"] == (
        "User not found"
    )
    assert "409" in schema["paths"]["/users/"]["post"]["responses"]
