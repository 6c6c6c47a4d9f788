from typing import Iterator

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.deps import get_current_user, get_redis, get_settings, make_thing

router = APIRouter()


class CommonParams:
    def __init__(self, skip: int = 0, limit: int = 100):
        self.skip = skip
        self.limit = limit


def get_db() -> Iterator[Session]:
    yield Session()


async def get_count() -> int:
    return 1


@router.get("/items")
def list_items(db=Depends(get_db), commons=Depends(CommonParams), count=Depends(get_count)):
    return []


@router.get("/me")
def me(user=Depends(get_current_user), settings=Depends(get_settings), redis=Depends(get_redis)):
    return user


@router.get("/unknown")
def unknown(thing=Depends(make_thing), other=Depends(lambda: 1), bare=Depends()):
    return thing
