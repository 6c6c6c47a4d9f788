from sqlalchemy import Column, Integer, select
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)


def list_users(db: Session):
    return db.scalars(select(User).order_by(User.id)).all()


def get_user(db: Session, user_id: int):
    return db.get(User, user_id)
