from fastapi import Depends, FastAPI, Query
from typing import Annotated

app = FastAPI()


def get_db():
    yield None


# A default before a Depends: the Depends cannot lose its default.
@app.get("/a")
def a(limit: int = 10, db: dict = Depends(get_db)):
    return limit


# A Query with a real default keeps one, so what follows must keep one too.
@app.get("/b")
def b(
    q: Annotated[str, Query()] = "x",
    db: dict = Depends(get_db),
    n: int = Query(...),
):
    return q


# Required ones first: all of them convert.
@app.get("/c")
def c(
    db: Annotated[dict, Depends(get_db)],
    n: Annotated[int, Query()],
    q: Annotated[str, Query()] = None,
):
    return q


# Keyword-only parameters (after * or *args) may come in any order.
@app.get("/d")
def d(
    q: Annotated[str, Query()] = "x",
    *,
    db: Annotated[dict, Depends(get_db)],
    n: Annotated[int, Query()],
    **extra,
):
    return q


@app.get("/e")
def e(q: Annotated[str, Query()] = "x", *args, db: Annotated[dict, Depends(get_db)]):
    return q


# Positional-only parameters follow the same rule as the others.
def f(
    db: Annotated[dict, Depends(get_db)],
    /,
    q: Annotated[str, Query()] = "x",
    other: dict = Depends(get_db),
):
    return q


def g(q: Annotated[str, Query()] = "x", /, db: dict = Depends(get_db)):
    return q
