import asyncio
import time


async def handler():
    await asyncio.sleep(1)


def blocking_job():
    time.sleep(1)
