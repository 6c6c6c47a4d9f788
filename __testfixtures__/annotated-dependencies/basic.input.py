from typing import List, Optional

from fastapi import Body, Cookie, Depends, FastAPI, File, Form, Header, Path, Query, Security, UploadFile
from fastapi.security import OAuth2PasswordBearer

app = FastAPI()
oauth2 = OAuth2PasswordBearer(tokenUrl="token")


def get_token(token: str = Depends(oauth2)) -> str:
    return token


@app.get("/items/{item_id}")
async def read_item(item_id: int = Path(..., gt=0), q: str = Query("x", max_length=3)):
    return {"item_id": item_id, "q": q}


@app.get("/search")
def search(q: Optional[str] = Query(None), tags: List[str] = Query(default=[], alias="tag")):
    return {"q": q, "tags": tags}


@app.get("/me")
def me(token: str = Security(get_token, scopes=["me"]), agent: str = Header(None)):
    return {"token": token, "agent": agent}


@app.post("/upload")
async def upload(name: str = Form(...), file: UploadFile = File(...), session: str = Cookie(default=...)):
    return {"name": name}


@app.post("/items")
def create(payload: dict = Body(..., embed=True), token: str = Depends(get_token)):
    return payload
