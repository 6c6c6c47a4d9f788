from app.main import app


@app.on_event("startup")
async def warm_cache():
    pass
