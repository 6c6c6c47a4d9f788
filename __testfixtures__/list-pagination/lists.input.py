from typing import List

from fastapi import APIRouter, Depends
from pydantic import BaseModel

router = APIRouter()


class Item(BaseModel):
    id: int


@router.get("/items", response_model=List[Item])
def list_items():
    return []


@router.get("/paged", response_model=list[Item])
def paged(skip: int = 0, limit: int = 100):
    return []


@router.get("/typed")
async def typed() -> list[Item]:
    return []


@router.get("/by-dependency", response_model=list[Item])
def by_dependency(params=Depends(pagination_params)):
    return []


@router.post("/bulk", response_model=list[Item])
def bulk(items: list[Item]):
    return items


@router.get("/one", response_model=Item)
def one():
    return Item(id=1)
