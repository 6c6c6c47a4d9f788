import typing

import fastapi
from fastapi import Depends as D
from fastapi import params
from fastapi.param_functions import Header

app = fastapi.FastAPI()


def get_db():
    yield None


@app.get("/")
def index(
    db: typing.Annotated[dict, D(get_db)],
    other: typing.Annotated[dict, params.Depends(get_db, use_cache=False)],
    q: typing.Annotated[str, fastapi.Query()] = "x",
):
    return db


@app.get("/h")
def header(
    x_token: typing.Annotated[typing.Optional[str], Header(convert_underscores=True)] = None,
):
    return x_token
