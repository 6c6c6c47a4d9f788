import time


async def handler(asyncio):
    time.sleep(1)
    return asyncio
