"""Database engine, session factories and the ORM tables."""
import enum
import logging
import time
from typing import Generator, Iterator

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    create_engine,
    func,
    text,
)
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
    sku = Column(String(8), unique=True, nullable=True)
    description = Column(String(500), nullable=True)
    price = Column(Float, nullable=False)
    sale_price = Column(Float, nullable=True)
    owner_id = Column(Integer, ForeignKey("users.id"), nullable=True)
    created_at = Column(DateTime, nullable=False, server_default=func.now())

    owner = relationship("UserRow", back_populates="items")


class OrderRow(Base):
    __tablename__ = "orders"

    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("users.id"), nullable=False)
    note = Column(String(200), nullable=True)
    coupon = Column(String(6), nullable=True)
    created_at = Column(DateTime, nullable=False, server_default=func.now())

    lines = relationship("OrderLineRow", order_by="OrderLineRow.id", cascade="all, delete-orphan")

    @property
    def total(self) -> float:
        return round(sum(line.unit_price * line.quantity for line in self.lines), 2)


class OrderLineRow(Base):
    __tablename__ = "order_lines"

    id = Column(Integer, primary_key=True)
    order_id = Column(Integer, ForeignKey("orders.id"), nullable=False)
    item_id = Column(Integer, ForeignKey("items.id"), nullable=False)
    quantity = Column(Integer, nullable=False)
    unit_price = Column(Float, nullable=False)


class MovementKind(enum.Enum):
    received = "received"
    shipped = "shipped"


class TimestampMixin:
    """When a row last changed: every ledger table has it."""

    updated_at = Column(DateTime, nullable=True, onupdate=func.now())


class StockMovementRow(TimestampMixin, Base):
    """The stock ledger: one row per movement of an item."""

    __tablename__ = "stock_movements"

    id = Column(Integer, primary_key=True)
    item_id = Column(Integer, ForeignKey("items.id"), nullable=False, index=True)
    kind = Column(Enum(MovementKind), nullable=False)
    channel = Column(Enum("web", "store", name="movement_channel"))
    quantity = Column(Integer, nullable=False)
    unit_cost = Column(Numeric(10, 2))
    reference = Column(String(40), unique=True)
    memo = Column(Text)
    details = Column(JSON)
    booked_on = Column(Date, nullable=False)
    reconciled = Column(Boolean, default=False, nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, server_default=func.now())

    item = relationship("ItemRow")


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
    """A session per request; the route commits what it changes."""
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


def get_transaction() -> Generator[Session, None, None]:
    """A session whose work is committed when the route returns, or rolled back if it raises."""
    with SessionLocal() as db, db.begin():
        yield db
