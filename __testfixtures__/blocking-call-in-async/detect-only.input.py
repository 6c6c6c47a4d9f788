import requests


async def handler(path, urls):
    with open(path) as fh:
        data = fh.read()
    sizes = [len(requests.get(u).content) for u in urls]
    total = sum(len(requests.get(u).content) for u in urls)
    return data, sizes, total, requests.get(path).json()
