from typing import Any

from pydantic import BaseModel, validate_call


class Query(BaseModel):
    q: str


@validate_call
def search(query: Query, limit: int = 10) -> list[Any]:
    return [query] * limit


@validate_call(config=dict(arbitrary_types_allowed=True))
def lookup(key: str) -> str:
    return key


def _double(value: int) -> int:
    return value * 2


double = validate_call(_double)


class Repository:
    @staticmethod
    @validate_call
    def find(key: str) -> str:
        return key
