from typing import Optional, Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import conint, constr, StringConstraints, Field

router = APIRouter()


def current_user() -> Annotated[str, StringConstraints(max_length=5)]:
    return "me"


@router.get("/search")
async def search(
    term: str = Query(..., description="What to find", min_length=2, pattern="^[a-z ]+$"),
    page: int = Query(1, ge=1),
    size: Annotated[int, Field(ge=1, le=100)] = 20,
    cursor: Optional[Annotated[str, StringConstraints(max_length=64)]] = Query(None),
    ids: list[int] = Query(
        [],
        description="Filter by id",
        max_length=10,
    ),
    name: constr(strip_whitespace=True) = Query(None),
    limit: conint(le=50) = Query(10, le=100),
    user: Annotated[str, StringConstraints(max_length=5)] = Depends(current_user),
):
    return []
