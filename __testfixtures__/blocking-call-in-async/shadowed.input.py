import requests


async def handler(requests, url):
    return requests.get(url)


async def other(url):
    def open(p):
        return p

    return open(url)
