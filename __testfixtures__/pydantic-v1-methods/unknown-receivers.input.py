import copy
from unittest import mock

import requests


def fetch(url, payload, config: dict, thing):
    response = requests.get(url)
    data = response.json()
    merged = config.copy()
    cloned = copy.copy(payload)
    as_dict = thing.dict()
    with mock.patch.dict("os.environ", {"A": "1"}):
        pass
    return data, merged, cloned, as_dict, dict(payload)
