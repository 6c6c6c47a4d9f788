"""Background jobs."""


async def job():
    import time

    time.sleep(1)
    return "done"
