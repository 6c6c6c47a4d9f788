import time


async def handler():
    started = time.monotonic()
    time.sleep(0.5)
    return time.monotonic() - started
