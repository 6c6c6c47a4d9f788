from sqlalchemy import Column, Integer, String

from .db import Base


class AuditMixin:
    created_by = Column(String(50))


class Account(AuditMixin, Base):
    __tablename__ = "accounts"

    id = Column(Integer, primary_key=True)
    email = Column(String(200), nullable=False)


class Plain(AuditMixin):
    name = Column(String)
