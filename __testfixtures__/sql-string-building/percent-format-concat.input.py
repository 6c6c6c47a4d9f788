from sqlalchemy import text
from sqlalchemy.orm import Session


def by_id(db: Session, user_id: int):
    return db.execute(text("SELECT * FROM users WHERE id = %s" % user_id)).first()


def by_email(db: Session, email):
    return db.execute(text("SELECT * FROM users WHERE email = '%s' AND active" % (email,))).first()


def by_name(db: Session, first, last):
    sql = "SELECT * FROM users WHERE first_name = '{}' AND last_name = '{}'".format(first, last)
    return db.execute(text(sql)).all()


def by_keyword(db: Session, owner_id: int):
    return db.scalars(text("SELECT id FROM items WHERE owner_id = {owner}".format(owner=owner_id))).all()


def by_concat(db: Session, name: str, age):
    return db.execute(
        text("SELECT * FROM users WHERE name = '" + name + "' AND age > " + str(age))
    ).all()


def percent_like(db: Session, term):
    return db.execute(text("SELECT * FROM items WHERE title LIKE '%%%s%%'" % term)).all()
