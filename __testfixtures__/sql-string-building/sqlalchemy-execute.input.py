from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from app.db import get_db, get_session


def deactivate(user_id: int, db: Session = Depends(get_db)):
    db.execute(f"UPDATE users SET active = false WHERE id = {user_id}")
    db.commit()


async def rename(user_id: int, name: str, session: AsyncSession = Depends(get_session)):
    await session.execute(f"UPDATE users SET name = '{name}' WHERE id = {user_id}")


def with_params(db: Session, user_id: int, name: str):
    db.execute(f"UPDATE users SET name = :name WHERE id = {user_id}", {"name": name})


def driver_sql(db: Session, user_id: int):
    conn = db.connection()
    return conn.exec_driver_sql(f"SELECT * FROM users WHERE id = {user_id}")
