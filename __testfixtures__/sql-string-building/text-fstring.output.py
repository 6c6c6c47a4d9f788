from fastapi import APIRouter, Depends
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.db import get_db

router = APIRouter()


@router.get("/users/{user_id}")
def read_user(user_id: int, db: Session = Depends(get_db)):
    return db.execute(text("SELECT * FROM users WHERE id = :user_id"), {"user_id": user_id}).first()


@router.get("/users/by-name/{name}")
def read_by_name(name: str, db: Session = Depends(get_db)):
    return db.execute(text("SELECT * FROM users WHERE name = :name"), {"name": name}).first()


@router.get("/search")
def search(q: str, limit: int = 10, db: Session = Depends(get_db)):
    rows = db.execute(
        text("SELECT id, name FROM users WHERE name LIKE :q ORDER BY id LIMIT :limit"), {"q": f"%{q}%", "limit": limit}
    )
    return rows.all()


@router.get("/orders")
def orders(user, status, db: Session = Depends(get_db)):
    query = text(
        """
        SELECT * FROM orders
        WHERE owner_id = :user_id
          AND status = :status
          AND created_at BETWEEN :user_since AND now()
        """
    )
    return db.execute(query, {"user_id": user.id, "status": f"{status}", "user_since": f"{user.since}"}).all()
