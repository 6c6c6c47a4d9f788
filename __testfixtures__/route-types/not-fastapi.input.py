from flask import Flask

from .schemas import Item

app = Flask(__name__)


@app.get("/items", response_model=Item)
def items():
    return {"id": 1}


@app.get("/health")
def health():
    pass
