from sqlalchemy import Column, Integer
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class Thing(Base):
    __tablename__ = "things"

    id = Column(Integer, primary_key=True)


def select(db: Session):
    return db.query(Thing).all()


def delete(db: Session, thing_id: int):
    db.query(Thing).filter(Thing.id == thing_id).delete()
