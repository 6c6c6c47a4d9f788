import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/slow")
async def slow():
    time.sleep(1)
    return {"ok": True}
