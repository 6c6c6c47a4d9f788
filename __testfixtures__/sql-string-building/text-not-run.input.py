from sqlalchemy import text
from sqlalchemy.orm import Session


def statement(user_id: int):
    return text(f"SELECT * FROM users WHERE id = {user_id}")


def reused(db: Session, user_id: int):
    sql = f"SELECT * FROM users WHERE id = {user_id}"
    logger_line = sql
    return db.execute(text(sql)).first(), logger_line


def spec(db: Session, price: float):
    return db.execute(text(f"SELECT * FROM items WHERE price > {price:.2f}")).all()
