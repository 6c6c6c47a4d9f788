from asyncio import sleep as async_sleep


async def handler():
    await async_sleep(1)
    await async_sleep(2)
