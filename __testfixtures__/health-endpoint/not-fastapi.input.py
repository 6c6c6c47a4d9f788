from flask import Flask

from app.web import FastAPI  # a project class of the same name

app = Flask(__name__)
api = FastAPI()


@app.get("/items")
def list_items():
    return []
