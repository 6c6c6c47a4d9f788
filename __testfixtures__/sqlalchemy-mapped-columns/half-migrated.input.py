from typing import Optional

from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Done(Base):
    __tablename__ = "done"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[Optional[str]] = mapped_column(String(20))


class Half(Base):
    __tablename__ = "half"

    id: Mapped[int] = Column(Integer, primary_key=True)
    name: Mapped[str] = Column(String(20))
    nick: Mapped[Optional[str]] = Column(String(20), nullable=False)
    code: Mapped[Optional[str]] = Column(String(20))
    old: str = Column(String(20), nullable=False)
