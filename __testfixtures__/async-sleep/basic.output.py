from fastapi import FastAPI
import asyncio

app = FastAPI()


@app.get("/slow")
async def slow():
    await asyncio.sleep(1)
    return {"ok": True}
