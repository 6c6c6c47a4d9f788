from sqlalchemy import Column, Integer, String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, aliased, declarative_base

Base = declarative_base()


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    name = Column(String(50))


def base_query(db: Session):
    return db.query(User)


def by_alias(db: Session):
    other = aliased(User)
    return db.query(other).all()


def by_string_join(db: Session):
    return db.query(User).join("items").all()


def slice_(db: Session):
    return db.query(User).with_entities(User.id).all()


class Elastic:
    def query(self, body):
        return body


def not_sqlalchemy(es: Elastic, body):
    return es.query(body).all()


def plain(index, term):
    return index.query(term).first()
