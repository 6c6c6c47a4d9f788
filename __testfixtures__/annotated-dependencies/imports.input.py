import typing

import fastapi
from fastapi import Depends as D
from fastapi import params
from fastapi.param_functions import Header

app = fastapi.FastAPI()


def get_db():
    yield None


@app.get("/")
def index(db: dict = D(get_db), other: dict = params.Depends(get_db, use_cache=False), q: str = fastapi.Query("x")):
    return db


@app.get("/h")
def header(x_token: typing.Optional[str] = Header(None, convert_underscores=True)):
    return x_token
