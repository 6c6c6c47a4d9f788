import requests


async def handler(url):
    return requests.get(url)
