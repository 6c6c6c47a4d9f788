import time
import asyncio


async def handler():
    started = time.monotonic()
    await asyncio.sleep(0.5)
    return time.monotonic() - started
