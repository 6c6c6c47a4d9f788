import time as t
from time import sleep
from time import sleep as pause


async def one():
    t.sleep(0.1)


async def two():
    sleep(0.2)
    pause(0.3)
