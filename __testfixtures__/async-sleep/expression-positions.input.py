import time


async def handler(delays):
    result = time.sleep(1).real
    values = [time.sleep(d) for d in delays]
    total = sum(time.sleep(d) or 0 for d in delays)
    message = f"slept {time.sleep(0)}"
    return result, values, total, message
