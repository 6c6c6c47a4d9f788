from typing import Annotated

from fastapi import Depends, FastAPI, Query

app = FastAPI()


def get_user() -> dict:
    return {}


CurrentUser = Annotated[dict, Depends(get_user)]
Limit = Annotated[int, Query(le=100)]


@app.get("/me")
def me(user: CurrentUser, limit: Limit = 10, q: Annotated[str, Query(max_length=3)] = "x"):
    return user


# Broken already (FastAPI refuses both at once): reported, left for a human.
@app.get("/both")
def both(user: CurrentUser = Depends(get_user), q: Annotated[str, Query()] = Query("x")):
    return user
