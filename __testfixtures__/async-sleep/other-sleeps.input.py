import asyncio
import trio


def sleep(seconds):
    return seconds


async def handler():
    await asyncio.sleep(1)
    await trio.sleep(1)
    sleep(2)
