"""Database engine, session factory and the ORM tables."""
import logging
import time
from typing import Iterator

from sqlalchemy import Column, DateTime, Float, ForeignKey, Integer, String, create_engine, func, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, declarative_base, relationship, sessionmaker
from sqlalchemy.pool import StaticPool

from .config import get_settings

logger = logging.getLogger(__name__)


def make_engine(url: str) -> Engine:
    if url in ("sqlite://", "sqlite:///:memory:"):
        # One shared connection, or every session would see its own empty in-memory database.
        return create_engine(
            url, connect_args={"check_same_thread": False}, poolclass=StaticPool
        )
    if url.startswith("sqlite"):
        return create_engine(url, connect_args={"check_same_thread": False})
    return create_engine(url, pool_pre_ping=True)


engine = make_engine(get_settings().database_url)
SessionLocal = sessionmaker(bind=engine, autoflush=False)
Base = declarative_base()


class UserRow(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    username = Column(String(50), unique=True, nullable=False, index=True)
    full_name = Column(String(100), nullable=False)
    created_at = Column(DateTime, nullable=False, server_default=func.now())

    items = relationship("ItemRow", back_populates="owner", order_by="ItemRow.id")


class ItemRow(Base):
    __tablename__ = "items"

    id = Column(Integer, primary_key=True)
    name = Column(String(100), nullable=False)
    description = Column(String(500), nullable=True)
    price = Column(Float, nullable=False)
    owner_id = Column(Integer, ForeignKey("users.id"), nullable=True)
    created_at = Column(DateTime, nullable=False, server_default=func.now())

    owner = relationship("UserRow", back_populates="items")


def wait_for_database(db_engine: Engine, attempts: int = 5, delay: float = 0.5) -> None:
    """Blocks until the database answers; the container may start before the database does."""
    for attempt in range(1, attempts + 1):
        try:
            with db_engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return
        except OperationalError:
            if attempt == attempts:
                raise
            logger.warning("database not ready (attempt %d/%d)", attempt, attempts)
            # A plain function run before the app serves requests: blocking here is fine.
            time.sleep(delay)


def get_db() -> Iterator[Session]:
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()
