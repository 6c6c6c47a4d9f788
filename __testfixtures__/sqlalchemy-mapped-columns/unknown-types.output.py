from sqlalchemy import Column, ForeignKey, Integer, String, types
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import declarative_base, Mapped, mapped_column
import uuid
from typing import Optional, Any

Base = declarative_base()
extra = ()
is_key = False


class Money(types.TypeDecorator):
    impl = types.Integer
    cache_ok = True


class Wallet(Base):
    __tablename__ = "wallets"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    legacy_id = Column(postgresql.UUID)
    text_id: Mapped[str] = mapped_column(UUID(as_uuid=False), nullable=False)
    balance = Column(Money)
    owner_id = Column(ForeignKey("users.id"))
    tags: Mapped[Optional[list[str]]] = mapped_column(ARRAY(String))
    data: Mapped[Optional[Any]] = mapped_column(JSONB, server_default="{}")
    flags = Column(postgresql.ARRAY(Integer, dimensions=2))
    label = Column(String, *extra)
    note = Column(String, primary_key=is_key)
    code: Mapped[Optional[str]] = mapped_column(info={"a": 1}, comment="short code")
