from fastapi import Depends, FastAPI, Query

app = FastAPI()


def get_db():
    yield None


# Fits in 88 columns after the change: stays on one line.
@app.get("/short")
def short(db: dict = Depends(get_db)) -> dict:
    return db


# Passes 88 columns: one parameter a line, trailing comma, `) -> ...:` on its own line.
@app.get("/long")
async def long_signature(item_id: int, q: str = Query(None, max_length=50)) -> dict[str, str]:
    return {}


# Parameters already on their own lines keep their layout.
@app.get("/exploded")
def exploded(
    item_id: int,
    db: dict = Depends(get_db),
    q: str = Query(None, max_length=50, description="A long description of the query"),
):
    return {}


# One indented line between the parentheses (black's "hug") that grows too long.
@app.get("/hug")
def hug(
    item_id: int, db: dict = Depends(get_db), q: str = Query(None, max_length=50)
) -> dict:
    return {}


class Service:
    def method(self, db: dict = Depends(get_db), flag: bool = Query(False, description="flag")):
        return db


# A comment in the parameter list: the layout stays.
def commented(db: dict = Depends(get_db),  # the database
              q: str = Query(None, max_length=50, description="A long description here")):
    return db


# A multi-line call moves as it is.
def multiline(q: str = Query(
    None,
    description="text",
)):
    return q


# An annotation over several lines is joined.
@app.get("/split")
async def split(
    q: str
    | None = Query(default=None, max_length=50),
    tags: list[
        str
    ] = Query([]),
):
    return q
