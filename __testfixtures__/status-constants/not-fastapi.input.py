import requests
from myframework import Router, HTTPError

router = Router()


@router.get("/", status_code=200)
def index():
    raise HTTPError(404)


class ApiError(Exception):
    def __init__(self, status_code=500):
        self.status_code = status_code


def fetch():
    response = requests.get("https://example.org")
    if response.status_code == 200:
        raise ApiError(status_code=502)
    return response
