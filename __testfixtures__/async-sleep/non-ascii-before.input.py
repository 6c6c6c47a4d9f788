import time

GREETING = "héllo wörld 😀 — ünïcödé"


async def handler():
    """Dörmir un poco 😴."""
    time.sleep(1)  # ça dort
    return GREETING
