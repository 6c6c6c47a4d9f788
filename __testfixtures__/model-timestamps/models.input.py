from datetime import datetime

from sqlalchemy import Column, DateTime, Integer, func
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from outside import ExternalMixin


class Base(DeclarativeBase):
    pass


class TimestampMixin:
    created_at = Column(DateTime, server_default=func.now())
    updated_at = Column(DateTime, onupdate=func.now())


class CreatedMixin:
    @declared_attr
    def created_at(cls):
        return Column(DateTime)


class Invoice(Base):
    __tablename__ = "invoices"

    id = Column(Integer, primary_key=True)


class Payment(TimestampMixin, Base):
    __tablename__ = "payments"

    id = Column(Integer, primary_key=True)


class Refund(CreatedMixin, Base):
    __tablename__ = "refunds"

    id = Column(Integer, primary_key=True)


class Note(Base):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())


class Imported(ExternalMixin, Base):
    __tablename__ = "imported"

    id = Column(Integer, primary_key=True)


class AbstractThing(Base):
    __abstract__ = True

    id = Column(Integer, primary_key=True)


class NotAModel:
    __tablename__ = "nothing"
