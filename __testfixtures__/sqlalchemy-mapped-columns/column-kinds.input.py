import enum

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
)
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Status(enum.Enum):
    draft = "draft"
    live = "live"


class Article(Base):
    __tablename__ = "articles"

    id = Column(Integer, primary_key=True)
    slug = Column("url_slug", String(80), nullable=False, unique=True)
    title = Column(String)
    body = Column(Text, nullable=False)
    views = Column(BigInteger, default=0)
    price = Column(Numeric(10, 2))
    ratio = Column(Numeric(asdecimal=False))
    score = Column(Float, nullable=False)
    published = Column(Boolean, default=False, nullable=False)
    created = Column(DateTime(timezone=True))
    updated = Column(DateTime, nullable=True)
    day = Column(Date)
    meta = Column(JSON, nullable=False, default=dict)
    status = Column(Enum(Status), nullable=False)
    kind = Column(Enum("news", "blog", name="article_kind"))
    blob = Column(LargeBinary)
    author_id = Column(Integer, ForeignKey("users.id"), index=True)  # who wrote it
