from fastapi import FastAPI

app = FastAPI()


@app.on_event("startup")
async def start():
    pass


@app.on_event("shutdown")  # fastapi-fix: ignore[lifespan]
async def stop():
    pass
