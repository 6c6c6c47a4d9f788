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


# The application.
# Run it with uvicorn.
app = fastapi.FastAPI(
    title="Shop",
    on_startup=[open_pool, warm_up],
    debug=False,
    on_shutdown=[close_pool],
)
app.add_event_handler("startup", announce)  # said last
app.include_router(cache.router)


app.add_event_handler(event_type="shutdown", func=announce)


@app.get("/")
def root():
    return {}
