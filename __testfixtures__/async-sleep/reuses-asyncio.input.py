import asyncio as aio
import time


async def handler():
    await aio.gather()
    time.sleep(1)
