import subprocess

import requests


def sync_handler(url):
    return requests.get(url).json()


async def outer(url):
    def inner():
        return subprocess.run(["true"])

    return inner


async def fine(client, url):
    async_client_result = await client.get(url)
    return async_client_result
