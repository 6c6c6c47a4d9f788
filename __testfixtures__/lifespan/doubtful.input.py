from fastapi import FastAPI
from fastapi_utils.tasks import repeat_every

from .db import connect

EVENT = "startup"

app = FastAPI()
app.add_event_handler("startup", connect)


@app.on_event(EVENT)
async def dynamic():
    pass


@app.on_event("startup")
@repeat_every(seconds=60)
async def refresh():
    pass
