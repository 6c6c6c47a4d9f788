import time
import asyncio


async def handler(delays):
    result = (await asyncio.sleep(1)).real
    values = [await asyncio.sleep(d) for d in delays]
    total = sum(time.sleep(d) or 0 for d in delays)
    message = f"slept {await asyncio.sleep(0)}"
    return result, values, total, message
