from sqlalchemy import Column, Integer
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class Thing(Base):
    __tablename__ = "things"

    id = Column(Integer, primary_key=True)


def purge(db: Session) -> int:
    return db.query(Thing).filter(Thing.id > 5).delete()
