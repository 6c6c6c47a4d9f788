from sqlalchemy import text
from sqlalchemy.orm import Session


def by_id(db: Session, user_id: int):
    return db.execute(text("SELECT * FROM users WHERE id = :user_id"), {"user_id": user_id}).first()


def by_email(db: Session, email):
    return db.execute(text("SELECT * FROM users WHERE email = :email AND active"), {"email": str(email)}).first()


def by_name(db: Session, first, last):
    sql = "SELECT * FROM users WHERE first_name = :first AND last_name = :last"
    return db.execute(text(sql), {"first": f"{first}", "last": f"{last}"}).all()


def by_keyword(db: Session, owner_id: int):
    return db.scalars(text("SELECT id FROM items WHERE owner_id = :owner_id"), {"owner_id": owner_id}).all()


def by_concat(db: Session, name: str, age):
    return db.execute(
        text("SELECT * FROM users WHERE name = :name AND age > :age"), {"name": name, "age": age}
    ).all()


def percent_like(db: Session, term):
    return db.execute(text("SELECT * FROM items WHERE title LIKE :term"), {"term": f"%{term!s}%"}).all()
