"""Background jobs."""

import asyncio


async def job():
    await asyncio.sleep(1)
    return "done"
