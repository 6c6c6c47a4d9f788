import datetime as dt

import sqlalchemy as sa
from sqlalchemy import orm

Base = orm.declarative_base()


class Event(Base):
    __tablename__ = "events"

    id = sa.Column(sa.Integer, primary_key=True)
    date = sa.Column(sa.Date)
    at = sa.Column(sa.DateTime, nullable=False)
    day = sa.Column(sa.Date, nullable=False)
