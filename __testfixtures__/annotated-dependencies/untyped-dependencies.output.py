from typing import Iterator, Annotated

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.deps import get_current_user, get_redis, get_settings, make_thing
from app.models import User
from app.config import Settings
from redis.asyncio import Redis

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
def list_items(
    db: Annotated[Session, Depends(get_db)],
    commons: Annotated[CommonParams, Depends(CommonParams)],
    count: Annotated[int, Depends(get_count)],
):
    return []


@router.get("/me")
def me(
    user: Annotated[User, Depends(get_current_user)],
    settings: Annotated[Settings, Depends(get_settings)],
    redis: Annotated[Redis, Depends(get_redis)],
):
    return user


@router.get("/unknown")
def unknown(thing=Depends(make_thing), other=Depends(lambda: 1), bare=Depends()):
    return thing
