import logging

from sqlalchemy import text
from sqlalchemy.orm import Session

logger = logging.getLogger(__name__)

USERS_TABLE = "users"
PAGE_SIZE = 50


class Command:
    def execute(self, line: str) -> None:
        print(line)


def constant(db: Session):
    return db.execute(text("SELECT * FROM users WHERE active")).all()


def from_constants(db: Session):
    return db.execute(text(f"SELECT * FROM {USERS_TABLE} LIMIT {PAGE_SIZE}")).all()


def parameterized(db: Session, user_id: int):
    return db.execute(text("SELECT * FROM users WHERE id = :id"), {"id": user_id}).first()


def logged(user_id: int):
    logger.info(f"SELECT * FROM users WHERE id = {user_id} took too long")


def command(cmd: Command, user_id: int):
    cmd.execute(f"SELECT * FROM users WHERE id = {user_id}")


def not_sql(db: Session, name: str):
    return db.execute(text(f"{name}")).all()


def unknown_receiver(client, user_id: int):
    client.execute(f"SELECT * FROM users WHERE id = {user_id}")


def shadowed(text, user_id: int):
    return text(f"SELECT * FROM users WHERE id = {user_id}")


def greeting(name: str):
    return f"Hello {name}, select one from the list"
