from sqlalchemy import Column, Integer
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

# Users of the service.
class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
