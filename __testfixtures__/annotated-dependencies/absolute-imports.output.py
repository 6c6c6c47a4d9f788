from fastapi import APIRouter, Depends

from app.deps import get_current_user
from app.models import User
from typing import Annotated

router = APIRouter()


@router.get("/me")
async def me(user: Annotated[User, Depends(get_current_user)]):
    return user
