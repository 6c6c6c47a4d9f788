from fastapi import APIRouter, Depends, FastAPI, Response
from fastapi.responses import JSONResponse, RedirectResponse

from .auth import Token

app = FastAPI()
auth = APIRouter(prefix="/auth")
search = APIRouter(prefix="/search")


@auth.post("/login")
async def login(form=Depends()):
    return Token(access_token="x")


@auth.post("/token", response_model=Token)
async def access_token(form=Depends()):
    return Token(access_token="x")


@auth.post("/refresh")
async def new_token():
    return Token(access_token="y")


@auth.delete("/logout")
async def end_session():
    pass


@search.post("/")
async def results(q: str):
    return []


@app.post("/items/search")
async def items_matching(q: str):
    return []


@app.post("/items:batchGet")
async def several(ids: list[int]):
    return []


@app.post("/users/{user_id}/reset-password")
async def new_password(user_id: int):
    return {"sent": True}


@app.post("/invoices/{invoice_id}")
async def update_invoice(invoice_id: int):
    return {"id": invoice_id}


@app.post("/emails")
async def send_email(to: str):
    return {"queued": True}


@app.post("/admin")
async def update_admin():
    return {"ok": True}


@app.post("/slack/action")
async def slack_endpoint():
    return {}


@app.post("/articles/{slug}/favorite")
async def like_article(slug: str):
    return {"slug": slug}
