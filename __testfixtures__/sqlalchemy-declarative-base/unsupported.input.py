from sqlalchemy import create_engine
from sqlalchemy.ext import declarative
from sqlalchemy.orm import declarative_base

engine = create_engine("sqlite://")
Bound = declarative_base(bind=engine)
Named = declarative_base(name="Model")


def factory():
    Local = declarative_base()
    return Local
