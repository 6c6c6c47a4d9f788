import time


async def handler(time):
    time.sleep(1)


async def other():
    time = FakeClock()
    time.sleep(1)


class Clock:
    async def tick(self):
        sleep = self.sleep
        sleep(1)
