from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.deps import get_current_user, get_db

router = APIRouter()


@router.get("/users/{user_id}")
async def read_user(user_id: int, db: Session = Depends(get_db), user: dict = Depends(get_current_user)):
    return db.get(user_id)


@router.get("/items/{item_id}")
async def read_item(item_id: int, db: Session = Depends(get_db)):
    return db.get(item_id)


@router.get("/orders/{order_id}")
async def read_order(order_id: int, db: Session = Depends(get_db)):
    # Called here by hand without `db`: it would be missing once the default goes.
    return await read_item(order_id)
