from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.get("/orders/{order_id}")
async def get_order(order_id: int, status: str = "open", http_status: int = 0):
    if status not in ("open", "closed"):
        raise HTTPException(status_code=400, detail="bad status")
    return {"status": status, "code": http_status}
