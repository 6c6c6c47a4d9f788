from fastapi import Depends, FastAPI, Query
from typing import Annotated

app = FastAPI()


def get_db():
    yield None


# Fits in 88 columns after the change: stays on one line.
@app.get("/short")
def short(db: Annotated[dict, Depends(get_db)]) -> dict:
    return db


# Passes 88 columns: one parameter a line, trailing comma, `) -> ...:` on its own line.
@app.get("/long")
async def long_signature(
    item_id: int,
    q: Annotated[str, Query(max_length=50)] = None,
) -> dict[str, str]:
    return {}


# Parameters already on their own lines keep their layout.
@app.get("/exploded")
def exploded(
    item_id: int,
    db: Annotated[dict, Depends(get_db)],
    q: Annotated[str, Query(max_length=50, description="A long description of the query")] = None,
):
    return {}


# One indented line between the parentheses (black's "hug") that grows too long.
@app.get("/hug")
def hug(
    item_id: int,
    db: Annotated[dict, Depends(get_db)],
    q: Annotated[str, Query(max_length=50)] = None,
) -> dict:
    return {}


class Service:
    def method(
        self,
        db: Annotated[dict, Depends(get_db)],
        flag: Annotated[bool, Query(description="flag")] = False,
    ):
        return db


# A comment in the parameter list: the layout stays.
def commented(db: Annotated[dict, Depends(get_db)],  # the database
              q: Annotated[str, Query(max_length=50, description="A long description here")] = None):
    return db


# A multi-line call moves as it is.
def multiline(q: Annotated[str, Query(
    description="text",
)] = None):
    return q


# An annotation over several lines is joined.
@app.get("/split")
async def split(
    q: Annotated[str | None, Query(max_length=50)] = None,
    tags: Annotated[list[str], Query()] = [],
):
    return q
