from typing import Optional

from fastapi import APIRouter, Depends, Query
from pydantic import conint, conlist, constr

router = APIRouter()


def current_user() -> constr(max_length=5):
    return "me"


@router.get("/search")
async def search(
    term: constr(min_length=2, regex="^[a-z ]+$") = Query(..., description="What to find"),
    page: conint(ge=1) = Query(1),
    size: conint(ge=1, le=100) = 20,
    cursor: Optional[constr(max_length=64)] = Query(None),
    ids: conlist(int, max_items=10) = Query(
        [],
        description="Filter by id",
    ),
    name: constr(strip_whitespace=True) = Query(None),
    limit: conint(le=50) = Query(10, le=100),
    user: constr(max_length=5) = Depends(current_user),
):
    return []
