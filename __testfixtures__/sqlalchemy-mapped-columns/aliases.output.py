import datetime as dt

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.orm import Mapped, mapped_column
from typing import Optional

Base = orm.declarative_base()


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[Optional[dt.date]] = mapped_column()
    at: Mapped[dt.datetime] = mapped_column(nullable=False)
    day: Mapped[dt.date] = mapped_column(nullable=False)
