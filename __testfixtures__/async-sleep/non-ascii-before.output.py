import asyncio

GREETING = "héllo wörld 😀 — ünïcödé"


async def handler():
    """Dörmir un poco 😴."""
    await asyncio.sleep(1)  # ça dort
    return GREETING
