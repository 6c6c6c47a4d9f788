from sqlalchemy import Column, String

from .db import Base
from sqlalchemy.orm import Mapped, mapped_column
from typing import Optional


class AuditMixin:
    created_by: Mapped[Optional[str]] = mapped_column(String(50))


class Account(AuditMixin, Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(200), nullable=False)


class Plain(AuditMixin):
    name = Column(String)
