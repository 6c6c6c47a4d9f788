import requests


async def fetch(url):
    response = requests.get(
        url,
        params={"q": 1},
        timeout=5,
    )
    requests.post(url,
                  json={})
    return response
