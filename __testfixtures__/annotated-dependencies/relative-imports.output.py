from fastapi import APIRouter, Depends

from ..deps import get_current_user, get_flags, get_item, get_settings
from ..models import (
    Item,  # the catalogue
    User,
)
from ..config import Settings, Flags
from typing import Annotated

router = APIRouter()


@router.get("/me")
async def me(user: Annotated[User, Depends(get_current_user)]):
    return user


@router.get("/item")
async def item(
    found: Annotated[Item, Depends(get_item)],
    settings: Annotated[Settings, Depends(get_settings)],
    flags: Annotated[Flags, Depends(get_flags)],
):
    return found
