from typing import List, Optional, Annotated

from fastapi import Body, Cookie, Depends, FastAPI, File, Form, Header, Path, Query, Security, UploadFile
from fastapi.security import OAuth2PasswordBearer

app = FastAPI()
oauth2 = OAuth2PasswordBearer(tokenUrl="token")


def get_token(token: Annotated[str, Depends(oauth2)]) -> str:
    return token


@app.get("/items/{item_id}")
async def read_item(
    item_id: Annotated[int, Path(gt=0)],
    q: Annotated[str, Query(max_length=3)] = "x",
):
    return {"item_id": item_id, "q": q}


@app.get("/search")
def search(
    q: Annotated[Optional[str], Query()] = None,
    tags: Annotated[List[str], Query(alias="tag")] = [],
):
    return {"q": q, "tags": tags}


@app.get("/me")
def me(
    token: Annotated[str, Security(get_token, scopes=["me"])],
    agent: Annotated[str, Header()] = None,
):
    return {"token": token, "agent": agent}


@app.post("/upload")
async def upload(
    name: Annotated[str, Form()],
    file: Annotated[UploadFile, File()],
    session: Annotated[str, Cookie()],
):
    return {"name": name}


@app.post("/items")
def create(
    payload: Annotated[dict, Body(embed=True)],
    token: Annotated[str, Depends(get_token)],
):
    return payload
