from sqlalchemy import Column, Integer
from sqlalchemy.orm import Session, declarative_base
import sqlalchemy

Base = declarative_base()


class Thing(Base):
    __tablename__ = "things"

    id = Column(Integer, primary_key=True)


def select(db: Session):
    return db.scalars(sqlalchemy.select(Thing)).all()


def delete(db: Session, thing_id: int):
    db.execute(sqlalchemy.delete(Thing).filter(Thing.id == thing_id))
