from sqlalchemy import text
from sqlalchemy.orm import Session


def use_threshold(session: Session, threshold: float) -> None:
    # PostgreSQL takes no bound parameter in SET: the value stays in the text, reported.
    session.execute(text(f"set pg_trgm.word_similarity_threshold = {threshold};"))


def create_schema(session: Session, name: str) -> None:
    session.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{name}"'))
