from sqlalchemy import text
from sqlalchemy.orm import Session


def sorted_users(db: Session, column: str, direction: str):
    return db.execute(text(f"SELECT * FROM users ORDER BY {column} {direction}")).all()


def count_rows(db: Session, table: str):
    return db.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def pick(db: Session, columns: str, user_id: int):
    return db.execute(text(f"SELECT {columns} FROM users WHERE id = {user_id}")).first()


def filtered(db: Session, where: str):
    return db.execute(text("SELECT * FROM users WHERE " + where)).all()


def in_list(db: Session, ids):
    id_list = ",".join(str(i) for i in ids)
    return db.execute(text(f"SELECT * FROM users WHERE id IN ({id_list})")).all()
