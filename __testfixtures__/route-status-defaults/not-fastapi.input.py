import requests
from flask import Flask

app = Flask(__name__)


@app.post("/items")
def create_item():
    return {"id": 1}


@app.delete("/items/<int:item_id>")
def delete_item(item_id):
    requests.delete(f"http://backend/items/{item_id}")
