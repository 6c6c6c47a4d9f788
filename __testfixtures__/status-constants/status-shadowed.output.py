from fastapi import FastAPI, HTTPException, status as http_status

app = FastAPI()


@app.get("/orders/{order_id}")
async def get_order(order_id: int, status: str = "open"):
    if status not in ("open", "closed"):
        raise HTTPException(status_code=http_status.HTTP_400_BAD_REQUEST, detail="bad status")
    return {"status": status}
