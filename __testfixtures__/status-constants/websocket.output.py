from fastapi import FastAPI, WebSocket, WebSocketDisconnect, WebSocketException, status

app = FastAPI()


@app.websocket("/ws")
async def ws(websocket: WebSocket, token: str = ""):
    await websocket.accept()
    if not token:
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        raise WebSocketException(code=status.WS_1008_POLICY_VIOLATION)
    try:
        await websocket.receive_text()
    except WebSocketDisconnect:
        await websocket.close(status.WS_1000_NORMAL_CLOSURE)
