import enum

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
)
from sqlalchemy.orm import declarative_base, Mapped, mapped_column
from typing import Optional, Any
from decimal import Decimal
from datetime import datetime, date

Base = declarative_base()


class Status(enum.Enum):
    draft = "draft"
    live = "live"


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column("url_slug", String(80), nullable=False, unique=True)
    title: Mapped[Optional[str]] = mapped_column()
    body: Mapped[str] = mapped_column(Text, nullable=False)
    views: Mapped[Optional[int]] = mapped_column(BigInteger, default=0)
    price: Mapped[Optional[Decimal]] = mapped_column(Numeric(10, 2))
    ratio: Mapped[Optional[float]] = mapped_column(Numeric(asdecimal=False))
    score: Mapped[float] = mapped_column(Float, nullable=False)
    published: Mapped[bool] = mapped_column(default=False, nullable=False)
    created: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    updated: Mapped[Optional[datetime]] = mapped_column(nullable=True)
    day: Mapped[Optional[date]] = mapped_column()
    meta: Mapped[Any] = mapped_column(JSON, nullable=False, default=dict)
    status: Mapped[Status] = mapped_column(Enum(Status), nullable=False)
    kind: Mapped[Optional[str]] = mapped_column(Enum("news", "blog", name="article_kind"))
    blob: Mapped[Optional[bytes]] = mapped_column()
    author_id: Mapped[Optional[int]] = mapped_column(Integer, ForeignKey("users.id"), index=True)  # who wrote it
