import requests
import asyncio


async def fetch(url):
    response = await asyncio.to_thread(
        requests.get,
        url,
        params={"q": 1},
        timeout=5,
    )
    await asyncio.to_thread(requests.post, url,
                  json={})
    return response
