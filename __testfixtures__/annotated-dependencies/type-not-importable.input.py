from typing import TYPE_CHECKING

from fastapi import Depends, FastAPI
from requests import Session

from app.deps import get_current_user, get_db

if TYPE_CHECKING:
    from app.models import User

app = FastAPI()


def get_config() -> "Config":
    return Config()


@app.get("/a")
def a(db=Depends(get_db)):
    return db


@app.get("/b")
def b(user=Depends(get_current_user)):
    return user


@app.get("/c")
def c(config=Depends(get_config)):
    return config


class Config:
    debug = False
