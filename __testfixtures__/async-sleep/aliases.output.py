import asyncio


async def one():
    await asyncio.sleep(0.1)


async def two():
    await asyncio.sleep(0.2)
    await asyncio.sleep(0.3)
