from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer, String, func, select, delete, update
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
    return db.scalars(select(User).filter(User.id > 0).order_by(User.name).offset(skip).limit(limit)).all()


def get_user(db: Session, user_id: int) -> Optional[User]:
    return db.scalars(select(User).filter(User.id == user_id).limit(1)).first()


def by_name(db, name):
    # an unannotated session: the mapped class says what it is
    return db.scalars(select(User).filter_by(name=name)).one_or_none()


def one_user(db: Session, user_id: int) -> User:
    return db.scalars(select(User).filter(User.id == user_id)).one()


def names(db: Session):
    return db.execute(select(User.id, User.name).order_by(User.id)).all()


def first_name(db: Session):
    return db.execute(select(User.name).filter(User.id == 1).limit(1)).first()


def total(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(select(User).filter(User.name != "").subquery()))


def biggest(db: Session):
    return db.execute(select(func.max(User.id))).scalar_one_or_none()


def by_pk(db: Session, user_id: int):
    return db.get(User, user_id)


def with_items(db: Session, user_id: int):
    return db.get(User, user_id, options=[joinedload(User.items)])


def owners(db: Session):
    return (
        db.scalars(select(User)
        .join(Item, Item.owner_id == User.id)  # users with an item
        .filter(Item.id > 10)
        ).unique().all()
    )


def user_names(db: Session) -> List[str]:
    out = []
    for user in db.scalars(select(User).order_by(User.id)):
        out.append(user.name)
    return out


def eager(db: Session):
    return db.scalars(select(User).options(joinedload(User.items))).unique().all()


def remove(db: Session, user_id: int) -> None:
    db.execute(delete(User).filter(User.id == user_id))
    db.commit()


def remove_count(db: Session, name: str) -> int:
    removed = db.execute(delete(User).filter_by(name=name).execution_options(synchronize_session=False)).rowcount
    return removed


def rename(db: Session, old: str, new: str) -> int:
    return db.execute(update(User).filter(User.name == old).values({User.name: new}).execution_options(synchronize_session="fetch")).rowcount


def bump(db: Session) -> None:
    db.execute(update(Item).filter(Item.owner_id.is_(None)).values({"owner_id": 1}))
