from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer, String, func
from sqlalchemy.orm import Session, declarative_base, joinedload, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)
    items = relationship("Item")


class Item(Base):
    __tablename__ = "items"

    id = Column(Integer, primary_key=True)
    owner_id = Column(Integer, ForeignKey("users.id"))


def list_users(db: Session, skip: int = 0, limit: int = 100) -> List[User]:
    return db.query(User).filter(User.id > 0).order_by(User.name).offset(skip).limit(limit).all()


def get_user(db: Session, user_id: int) -> Optional[User]:
    return db.query(User).filter(User.id == user_id).first()


def by_name(db, name):
    # an unannotated session: the mapped class says what it is
    return db.query(User).filter_by(name=name).one_or_none()


def one_user(db: Session, user_id: int) -> User:
    return db.query(User).filter(User.id == user_id).one()


def names(db: Session):
    return db.query(User.id, User.name).order_by(User.id).all()


def first_name(db: Session):
    return db.query(User.name).filter(User.id == 1).first()


def total(db: Session) -> int:
    return db.query(User).filter(User.name != "").count()


def biggest(db: Session):
    return db.query(func.max(User.id)).scalar()


def by_pk(db: Session, user_id: int):
    return db.query(User).get(user_id)


def with_items(db: Session, user_id: int):
    return db.query(User).options(joinedload(User.items)).get(user_id)


def owners(db: Session):
    return (
        db.query(User)
        .join(Item, Item.owner_id == User.id)  # users with an item
        .filter(Item.id > 10)
        .all()
    )


def user_names(db: Session) -> List[str]:
    out = []
    for user in db.query(User).order_by(User.id):
        out.append(user.name)
    return out


def eager(db: Session):
    return db.query(User).options(joinedload(User.items)).all()


def remove(db: Session, user_id: int) -> None:
    db.query(User).filter(User.id == user_id).delete()
    db.commit()


def remove_count(db: Session, name: str) -> int:
    removed = db.query(User).filter_by(name=name).delete(synchronize_session=False)
    return removed


def rename(db: Session, old: str, new: str) -> int:
    return db.query(User).filter(User.name == old).update({User.name: new}, synchronize_session="fetch")


def bump(db: Session) -> None:
    db.query(Item).filter(Item.owner_id.is_(None)).update({"owner_id": 1})
