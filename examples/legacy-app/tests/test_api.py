"""End-to-end tests: every route, through the ASGI app, on an in-memory SQLite database."""
import os

# The engine is built from the settings when the app is imported: configure the environment first.
os.environ["LEGACY_DATABASE_URL"] = "sqlite://"
os.environ["LEGACY_DB_RETRY_DELAY"] = "0.01"
os.environ["LEGACY_PRICING_URL"] = "http://pricing.test"
os.environ["LEGACY_NOTIFY_DELAY"] = "0.01"
os.environ["LEGACY_THROTTLE_DELAY"] = "0.01"
os.environ["LEGACY_MAX_PAGE_SIZE"] = "50"

import json  # noqa: E402

import pytest  # noqa: E402
import requests  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import inspect  # noqa: E402

from app import __version__  # noqa: E402
from app.config import Settings, get_settings  # noqa: E402
from app.db import Base, engine  # noqa: E402
from app.main import app  # noqa: E402
from app.routers import items as items_router  # noqa: E402
from app.schemas import OrderCreate, ServiceInfo, UpstreamPrice  # noqa: E402

# Every route of the app; test_every_route_is_listed keeps this in step with the app.
ROUTES = {
    ("GET", "/health"),
    ("GET", "/info"),
    ("GET", "/items/"),
    ("POST", "/items/"),
    ("POST", "/items/batch"),
    ("GET", "/items/stats"),
    ("POST", "/items/discount"),
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
    ("POST", "/orders/"),
    ("GET", "/orders/{order_id}"),
    ("DELETE", "/orders/{order_id}"),
}


@pytest.fixture()
def client():
    Base.metadata.drop_all(bind=engine)
    items_router.outbox.clear()
    app.dependency_overrides.clear()
    # Runs the startup handlers: they wait for the database and create the tables.
    with TestClient(app) as test_client:
        yield test_client
    app.dependency_overrides.clear()


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


def test_settings_are_a_dependency(client):
    app.dependency_overrides[get_settings] = lambda: Settings(app_name="Overridden")
    assert client.get("/info").json()["name"] == "Overridden"


def test_startup_and_shutdown_handlers():
    Base.metadata.drop_all(bind=engine)
    assert inspect(engine).get_table_names() == []
    with TestClient(app) as client:
        # prepare_database created the tables, mark_ready opened the service to traffic.
        tables = set(inspect(engine).get_table_names())
        assert {"users", "items", "orders", "order_lines"} <= tables
        assert client.get("/health").json() == {"status": "ok"}
    # mark_stopping ran on the way out.
    assert app.state.ready is False
    assert TestClient(app).get("/health").json() == {"status": "starting"}


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


def test_create_item_collapses_spaces_in_name(client):
    assert make_item(client, name="Claw    hammer")["name"] == "Claw hammer"


def test_create_item_accepts_legacy_cost(client):
    response = client.post("/items/", json={"name": "Saw", "cost": 8})
    assert response.status_code == 201, response.text
    assert response.json()["price"] == 8.0


def test_create_item_sku(client):
    item = make_item(client, sku="abc-1234")
    assert item["sku"] == "ABC-1234"
    response = client.post("/items/", json={"name": "Saw", "price": 3, "sku": "ABC-1234"})
    assert response.status_code == 409
    assert response.json() == {"detail": "SKU already in use"}
    response = client.post("/items/", json={"name": "Saw", "price": 3, "sku": "AB-12"})
    assert response.status_code == 422


def test_create_item_sale_price(client):
    item = make_item(client, price=10, sale_price=8)
    assert item["sale_price"] == 8.0
    response = client.post("/items/", json={"name": "Saw", "price": 3, "sale_price": 3})
    assert response.status_code == 422
    assert "sale_price must be lower than price" in response.text


def test_item_optional_fields_are_null_when_not_given(client):
    item = make_item(client, description=None)
    assert item["sku"] is None
    assert item["description"] is None
    assert item["sale_price"] is None
    assert item["owner_id"] is None


def test_import_items(client):
    batch = [{"name": "Saw", "price": 3, "sku": "saw-0001"}, {"name": "Drill", "cost": 40}]
    response = client.post("/items/batch", json=batch)
    assert response.status_code == 201, response.text
    assert [(i["name"], i["sku"], i["price"]) for i in response.json()] == [
        ("Saw", "SAW-0001", 3.0),
        ("Drill", None, 40.0),
    ]
    assert len(client.get("/items/").json()) == 2


def test_import_items_is_all_or_nothing(client):
    make_item(client, sku="SAW-0001")
    batch = [{"name": "Drill", "price": 40}, {"name": "Saw", "price": 3, "sku": "SAW-0001"}]
    response = client.post("/items/batch", json=batch)
    assert response.status_code == 409
    assert [i["name"] for i in client.get("/items/").json()] == ["Hammer"]


def test_import_items_validates(client):
    assert client.post("/items/batch", json=[]).status_code == 422
    assert client.post("/items/batch", json=[{"name": "Saw", "price": -1}]).status_code == 422
    assert client.post("/items/batch", json={"name": "Saw", "price": 3}).status_code == 422
    assert client.get("/items/").json() == []


def test_list_items_sorted(client):
    for name, price in [("b", 3), ("a", 1), ("c", 2)]:
        make_item(client, name=name, price=price)
    by_price = client.get("/items/", params={"sort": "-price"})
    assert [i["name"] for i in by_price.json()] == ["b", "c", "a"]
    by_name = client.get("/items/", params={"sort": "name"})
    assert [i["name"] for i in by_name.json()] == ["a", "b", "c"]
    assert client.get("/items/", params={"sort": "owner_id"}).status_code == 422


def test_list_items_pages(client):
    for n in range(5):
        make_item(client, name=f"item {n}", price=n + 1)
    response = client.get("/items/", params={"skip": 1, "limit": 2})
    assert response.status_code == 200
    assert [i["name"] for i in response.json()] == ["item 1", "item 2"]
    assert response.headers["X-Total-Count"] == "5"


def test_list_items_search(client):
    for name in ["red saw", "blue saw", "hammer"]:
        make_item(client, name=name, price=1)
    response = client.get("/items/", params={"name": "saw", "limit": 1})
    assert [i["name"] for i in response.json()] == ["red saw"]
    assert response.headers["X-Total-Count"] == "2"
    response = client.get("/items/", params={"name": "drill"})
    assert response.json() == [] and response.headers["X-Total-Count"] == "0"


def test_item_stats(client):
    assert client.get("/items/stats").json() == {"count": 0, "min_price": None, "max_price": None}
    for price in (4.0, 1.5, 10.0):
        make_item(client, price=price)
    assert client.get("/items/stats").json() == {"count": 3, "min_price": 1.5, "max_price": 10.0}


def test_discount_all(client):
    first = make_item(client, price=10.0)
    make_item(client, price=3.0)
    response = client.post("/items/discount", params={"percent": 25})
    assert response.status_code == 200
    assert response.json() == {"changed": 2}
    assert client.get(f"/items/{first['id']}").json()["sale_price"] == 7.5
    assert client.post("/items/discount", params={"percent": 0}).status_code == 422


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


def test_update_item_clears_description(client):
    created = make_item(client)
    response = client.patch(f"/items/{created['id']}", json={"description": None})
    assert response.status_code == 200
    assert response.json()["description"] is None
    assert response.json()["price"] == 12.5


def test_update_item_rejects_null_name(client):
    created = make_item(client)
    response = client.patch(f"/items/{created['id']}", json={"name": None})
    assert response.status_code == 422
    assert "name may not be null" in response.text
    response = client.patch(f"/items/{created['id']}", json={"price": None})
    assert "price may not be null" in response.text


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


class FakePricingResponse:
    """What the tests hand back instead of calling the pricing service."""

    def __init__(self, payload, ok=True):
        self.ok = ok
        self._payload = payload

    def json(self):
        return self._payload


@pytest.fixture()
def pricing(monkeypatch):
    """Replaces requests.get (the route calls it directly, or through asyncio.to_thread)."""
    calls = []
    answer = {"payload": {"unit_price": 2.5, "currency": "EUR"}, "ok": True}

    def fake_get(url, **kwargs):
        calls.append((url, kwargs))
        return FakePricingResponse(answer["payload"], answer["ok"])

    monkeypatch.setattr(requests, "get", fake_get)
    return {"calls": calls, "answer": answer}


def test_price_quote(client, pricing):
    created = make_item(client)
    response = client.get(f"/items/{created['id']}/quote", params={"quantity": 3})
    assert response.status_code == 200
    assert response.json() == {
        "item_id": created["id"],
        "quantity": 3,
        "currency": "EUR",
        "total": 7.5,
    }
    url, kwargs = pricing["calls"][0]
    assert url == f"http://pricing.test/prices/{created['id']}"
    assert kwargs["params"] == {"quantity": 3}
    assert kwargs["timeout"] == 2.0


def test_price_quote_with_discount(client, pricing):
    created = make_item(client)
    pricing["answer"]["payload"] = {"unit_price": 10, "currency": "USD", "discount": 0.25}
    response = client.get(f"/items/{created['id']}/quote", params={"quantity": 2})
    assert response.status_code == 200
    assert response.json()["total"] == 15.0


def test_price_quote_upstream_down(client, pricing):
    created = make_item(client)
    pricing["answer"]["ok"] = False
    response = client.get(f"/items/{created['id']}/quote")
    assert response.status_code == 502
    assert response.json() == {"detail": "Pricing service unavailable"}


def test_price_quote_missing_item(client, pricing):
    assert client.get("/items/999/quote").status_code == 404
    assert pricing["calls"] == []


def test_upstream_price_discount_is_optional():
    assert UpstreamPrice.parse_obj({"unit_price": 1, "currency": "EUR"}).discount is None


def test_notify_about_item(client):
    created = make_item(client)
    response = client.post(f"/items/{created['id']}/notify", json={"channel": "sms"})
    assert response.status_code == 202
    assert response.json() == {"status": "queued", "item_id": created["id"], "channel": "sms"}
    assert [json.loads(message) for message in items_router.outbox] == [
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


def test_username_is_normalised(client):
    assert make_user(client, username=" Grace ")["username"] == "grace"
    response = client.post("/users/", json={"username": "ab", "fullName": "Too Short"})
    assert response.status_code == 422


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


def make_order(client, customer_id, lines, **extra):
    response = client.post("/orders/", json={"customer_id": customer_id, "lines": lines, **extra})
    # Legacy answers 200 (no status_code on the route); migrated, it declares 201 Created.
    assert response.status_code in (200, 201), response.text
    return response.json()


def test_create_and_read_order(client):
    user = make_user(client)
    hammer = make_item(client, price=12.5, sale_price=10)
    saw = make_item(client, name="Saw", price=3)
    order = make_order(
        client,
        user["id"],
        [{"item_id": hammer["id"], "quantity": 2}, {"item_id": saw["id"]}],
        coupon="SPRING",
    )
    assert order["customer_id"] == user["id"]
    assert order["lines"] == [
        {"item_id": hammer["id"], "quantity": 2, "unit_price": 10.0},
        {"item_id": saw["id"], "quantity": 1, "unit_price": 3.0},
    ]
    assert order["total"] == 23.0
    assert order["note"] is None
    assert order["coupon"] == "SPRING"
    response = client.get(f"/orders/{order['id']}")
    assert response.status_code == 200
    assert response.json() == order


def test_order_validation(client):
    user = make_user(client)
    item = make_item(client)
    line = {"item_id": item["id"]}
    response = client.post("/orders/", json={"customer_id": user["id"], "lines": [line, line]})
    assert response.status_code == 422
    assert "an item may appear only once per order" in response.text
    response = client.post("/orders/", json={"customer_id": user["id"], "lines": []})
    assert response.status_code == 422
    body = {"customer_id": user["id"], "lines": [line], "coupon": "spring"}
    assert client.post("/orders/", json=body).status_code == 422
    body = {"customer_id": user["id"], "lines": [line], "discount": 5}
    assert client.post("/orders/", json=body).status_code == 422


def test_order_root_validator_skipped_after_field_errors():
    lines = [{"item_id": 1, "quantity": 0}, {"item_id": 1}]
    with pytest.raises(ValueError) as failure:
        OrderCreate.parse_obj({"customer_id": 1, "lines": lines})
    assert "quantity" in str(failure.value)
    assert "only once" not in str(failure.value)


def test_order_for_missing_customer_or_item(client):
    item = make_item(client)
    lines = [{"item_id": item["id"]}]
    response = client.post("/orders/", json={"customer_id": 999, "lines": lines})
    assert response.status_code == 404
    assert response.json() == {"detail": "Customer not found"}
    user = make_user(client)
    lines = [{"item_id": 999}]
    response = client.post("/orders/", json={"customer_id": user["id"], "lines": lines})
    assert response.status_code == 404
    assert response.json() == {"detail": "Item 999 not found"}


def test_delete_order(client):
    user = make_user(client)
    item = make_item(client)
    order = make_order(client, user["id"], [{"item_id": item["id"]}])
    response = client.delete(f"/orders/{order['id']}")
    # Legacy answers 200 with a JSON null; migrated, the route declares 204 No Content.
    assert response.status_code in (200, 204)
    assert response.content in (b"null", b"")
    assert client.get(f"/orders/{order['id']}").status_code == 404
    assert client.delete(f"/orders/{order['id']}").status_code == 404


def test_read_missing_order(client):
    response = client.get("/orders/999")
    assert response.status_code == 404
    assert response.json() == {"detail": "Order not found"}


def test_stock_ledger_round_trip(client):
    """Every column kind of the ledger table keeps its Python type through the database."""
    from datetime import date
    from decimal import Decimal

    from app.db import MovementKind, SessionLocal, StockMovementRow

    item = make_item(client)
    with SessionLocal() as db:
        db.add(
            StockMovementRow(
                item_id=item["id"],
                kind=MovementKind.received,
                channel="web",
                quantity=12,
                unit_cost=Decimal("3.25"),
                reference="PO-1",
                details={"supplier": "acme", "lots": [1, 2]},
                booked_on=date(2024, 5, 1),
            )
        )
        db.commit()
    with SessionLocal() as db:
        row = db.query(StockMovementRow).filter_by(reference="PO-1").one()
        assert row.kind is MovementKind.received
        assert row.channel == "web"
        assert row.unit_cost == Decimal("3.25")
        assert row.details == {"supplier": "acme", "lots": [1, 2]}
        assert row.booked_on == date(2024, 5, 1)
        assert row.reconciled is False
        assert row.memo is None and row.updated_at is None
        assert row.item.id == item["id"]
        row.memo = "counted"
        db.commit()
        assert row.updated_at is not None
