from fastapi import APIRouter, Depends

from app.db import get_db
from app.deps import get_current_user

router = APIRouter()


def get_settings():
    return {}


@router.get("/items")
def items(user=Depends(get_current_user)):
    db = next(get_db())
    settings = get_settings()
    return db.all(), settings


@router.get("/me")
def me(settings=Depends(get_settings)):
    return get_current_user()


def not_a_route():
    return next(get_db())
