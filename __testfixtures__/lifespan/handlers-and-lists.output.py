import contextlib

import fastapi

from app import cache


def open_pool():
    cache.open()


async def warm_up():
    await cache.warm()


def close_pool():
    cache.close()


async def announce():
    print("up")


@contextlib.asynccontextmanager
async def lifespan(app: fastapi.FastAPI):
    open_pool()
    await warm_up()
    await announce()
    try:
        yield
    finally:
        close_pool()
        await announce()


# The application.
# Run it with uvicorn.
app = fastapi.FastAPI(
    title="Shop",
    lifespan=lifespan,
    debug=False,
)
# said last
app.include_router(cache.router)


@app.get("/")
def root():
    return {}
