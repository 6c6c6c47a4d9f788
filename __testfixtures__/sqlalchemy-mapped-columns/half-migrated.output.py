from typing import Optional

from sqlalchemy import Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Done(Base):
    __tablename__ = "done"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[Optional[str]] = mapped_column(String(20))


class Half(Base):
    __tablename__ = "half"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(20), nullable=True)
    nick: Mapped[Optional[str]] = mapped_column(String(20), nullable=False)
    code: Mapped[Optional[str]] = mapped_column(String(20))
    old: Mapped[str] = mapped_column(String(20), nullable=False)
