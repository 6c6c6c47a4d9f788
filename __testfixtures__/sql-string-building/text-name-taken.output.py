import sqlalchemy
from sqlalchemy.orm import Session


def save_note(db: Session, text: str, user_id: int):
    db.execute(sqlalchemy.text("INSERT INTO notes (body, user_id) VALUES (:text, :user_id)"), {"text": text, "user_id": user_id})


def shadowed_text_call(text, user_id: int):
    return text(f"SELECT * FROM users WHERE id = {user_id}")
