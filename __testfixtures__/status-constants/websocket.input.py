from fastapi import FastAPI, WebSocket, WebSocketDisconnect, WebSocketException

app = FastAPI()


@app.websocket("/ws")
async def ws(websocket: WebSocket, token: str = ""):
    await websocket.accept()
    if not token:
        await websocket.close(code=1008)
        raise WebSocketException(code=1008)
    try:
        await websocket.receive_text()
    except WebSocketDisconnect:
        await websocket.close(1000)
