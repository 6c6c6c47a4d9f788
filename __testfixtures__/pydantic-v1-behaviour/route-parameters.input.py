from typing import Optional, Union

from fastapi import APIRouter, Depends, Query
from pydantic import UUID4

router = APIRouter(prefix="/cookbooks")


def get_db():
    yield None


@router.get("/{item_id}")
def get_one(item_id: UUID4 | str, page: Optional[Union[int, str]] = None, db=Depends(get_db)):
    return {"id": item_id, "page": page}


@router.get("/search/{term}")
def search(term: str, limit: Union[int, str] = Query(10)):
    # a union beside Query() is left alone: FastAPI takes one Field-like marker per parameter
    return {"term": term, "limit": limit}


def not_a_route(item_id: UUID4 | str):
    return item_id
