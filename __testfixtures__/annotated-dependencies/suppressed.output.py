from fastapi import Depends, FastAPI, Query
from typing import Annotated

app = FastAPI()


def get_db():
    yield None


@app.get("/")
def index(
    token: str = Depends(get_db),  # fastapi-fix: ignore[FF202]
    db: dict = Depends(get_db),
    q: Annotated[str, Query()] = None,
):
    return db


# fastapi-fix: ignore[annotated-dependencies]
def other(db: dict = Depends(get_db)):
    return db
