from fastapi import FastAPI
from fastapi.testclient import TestClient

app = FastAPI()


@app.get("/items")
def list_items() -> list[str]:
    return ["a"]


def test_list_items() -> None:
    client = TestClient(app)
    assert client.get("/items").json() == ["a"]
