from fastapi import APIRouter, Depends
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.db import get_db

router = APIRouter()


@router.get("/users/{user_id}")
def read_user(user_id: int, db: Session = Depends(get_db)):
    return db.execute(text(f"SELECT * FROM users WHERE id = {user_id}")).first()


@router.get("/users/by-name/{name}")
def read_by_name(name: str, db: Session = Depends(get_db)):
    return db.execute(text(f"SELECT * FROM users WHERE name = '{name}'")).first()


@router.get("/search")
def search(q: str, limit: int = 10, db: Session = Depends(get_db)):
    rows = db.execute(
        text(f"SELECT id, name FROM users WHERE name LIKE '%{q}%' ORDER BY id LIMIT {limit}")
    )
    return rows.all()


@router.get("/orders")
def orders(user, status, db: Session = Depends(get_db)):
    query = text(
        f"""
        SELECT * FROM orders
        WHERE owner_id = {user.id}
          AND status = '{status}'
          AND created_at BETWEEN '{user.since}' AND now()
        """
    )
    return db.execute(query).all()
