"""Database setup."""
from sqlalchemy import Column, Integer, MetaData, create_engine
from sqlalchemy.ext.declarative import declarative_base
from sqlalchemy.orm import sessionmaker

engine = create_engine("sqlite://")
SessionLocal = sessionmaker(bind=engine)
Base = declarative_base(metadata=MetaData(schema="app"))


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
