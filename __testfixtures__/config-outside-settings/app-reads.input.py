import os
from os import environ, getenv

import httpx
from fastapi import Depends, FastAPI, Header, HTTPException
from sqlalchemy.ext.asyncio import create_async_engine

DATABASE_URL = os.environ["DATABASE_URL"]
engine = create_async_engine(DATABASE_URL, pool_size=int(os.getenv("DB_POOL_SIZE", "5")))

app = FastAPI(title=environ.get("APP_NAME", "orders"))


def verify_api_key(x_api_key: str = Header()):
    if x_api_key != getenv("API_KEY"):
        raise HTTPException(status_code=401, detail="Invalid API key")


@app.get("/rates", dependencies=[Depends(verify_api_key)])
async def rates(currency: str):
    async with httpx.AsyncClient(base_url=environ["RATES_URL"]) as client:
        response = await client.get("/latest", params={"base": currency})
    return response.json()


@app.get("/feature/{name}")
async def feature(name: str):
    return {"enabled": os.environ.get(f"FEATURE_{name.upper()}") == "1"}
