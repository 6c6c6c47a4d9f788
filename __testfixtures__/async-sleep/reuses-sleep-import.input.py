from asyncio import sleep as async_sleep
import time


async def handler():
    time.sleep(1)
    await async_sleep(2)
