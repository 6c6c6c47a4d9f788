from typing import Optional, Union, Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import UUID4, Field

router = APIRouter(prefix="/cookbooks")


def get_db():
    yield None


@router.get("/{item_id}")
def get_one(item_id: Annotated[UUID4 | str, Field(union_mode="left_to_right")], page: Optional[Annotated[Union[int, str], Field(union_mode="left_to_right")]] = None, db=Depends(get_db)):
    return {"id": item_id, "page": page}


@router.get("/search/{term}")
def search(term: str, limit: Union[int, str] = Query(10)):
    # a union beside Query() is left alone: FastAPI takes one Field-like marker per parameter
    return {"term": term, "limit": limit}


def not_a_route(item_id: UUID4 | str):
    return item_id
