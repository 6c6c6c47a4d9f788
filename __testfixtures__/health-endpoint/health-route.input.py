from fastapi import FastAPI

app = FastAPI()


@app.get("/api/v1/health", include_in_schema=False)
async def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/api/v1/items")
async def list_items() -> list[str]:
    return []
