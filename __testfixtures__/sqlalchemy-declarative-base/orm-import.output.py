from sqlalchemy import Column, Integer
from sqlalchemy.orm import relationship, DeclarativeBase


class Base(DeclarativeBase):
    pass


# Users of the service.
class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
