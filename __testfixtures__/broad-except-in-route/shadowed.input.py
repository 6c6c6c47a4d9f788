from fastapi import FastAPI, WebSocket

from app.errors import AppError as Exception  # the app's own base error
from app.services import reports

app = FastAPI()


@app.get("/reports/{report_id}")
async def get_report(report_id: int):
    try:
        return await reports.get(report_id)
    except Exception:
        return {"report": None}


@app.websocket("/ws")
async def feed(websocket: WebSocket):
    await websocket.accept()
    try:
        async for message in reports.stream():
            await websocket.send_json(message)
    except BaseException:
        pass


class Router:
    def get(self, path):
        return lambda f: f


fake = Router()


@fake.get("/not-a-route")
def not_a_route():
    try:
        return reports.summary()
    except BaseException:
        return {}
