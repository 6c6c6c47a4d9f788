import asyncio as aio


async def handler():
    await aio.gather()
    await aio.sleep(1)
