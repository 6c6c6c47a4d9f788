from fastapi import APIRouter, Depends

from ..deps import get_current_user, get_flags, get_item, get_settings
from ..models import (
    Item,  # the catalogue
)

router = APIRouter()


@router.get("/me")
async def me(user=Depends(get_current_user)):
    return user


@router.get("/item")
async def item(found=Depends(get_item), settings=Depends(get_settings), flags=Depends(get_flags)):
    return found
