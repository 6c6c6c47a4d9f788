import time


def wait():
    time.sleep(1)


async def outer():
    def inner():
        time.sleep(2)

    handler = lambda: time.sleep(3)

    class Poller:
        delay = time.sleep(0)

    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, 1)
    return inner, handler, Poller
