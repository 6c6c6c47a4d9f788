from typing import Optional

from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)


class Item(Base):
    __tablename__ = "items"

    id = Column(Integer, primary_key=True)
    owner_id = Column(Integer, ForeignKey("users.id"))


def search(db: Session, name: Optional[str], skip: int, limit: int):
    """The standard paginated search: a total, then one page."""
    q = db.query(User)
    if name:
        q = q.filter(User.name == name)
    else:
        q = q.join(Item, Item.owner_id == User.id)
    total = q.count()
    page = q.order_by(User.id).offset(skip).limit(limit).all()
    return total, page


def each_name(db: Session):
    query = db.query(User.name).order_by(User.name)
    out = []
    for row in query:
        out.append(row.name)
    if query.first() is None:
        return None
    return out


def escapes(db: Session):
    q = db.query(User)
    q = q.filter(User.id > 1)
    return q


def other_session(db: Session, other: Session):
    q = db.query(User)
    return other.execute(q).all()


def rebound(db: Session, flag: bool):
    q = db.query(User)
    if flag:
        q = [1, 2]
    return q.all()


def get_or_none(db: Session, user_id: Optional[int], name: str):
    if user_id:
        q = db.query(User).filter(User.id == user_id)
    else:
        q = db.query(User).filter_by(name=name)
    return q.first()


def mixed_shapes(db: Session, flag: bool):
    if flag:
        q = db.query(User)
    else:
        q = db.query(User.name)
    return q.all()
