import uuid

from sqlalchemy import Column, Integer
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Token(Base):
    __tablename__ = "tokens"

    id = Column(Integer, primary_key=True)
    public_id = Column(UUID, unique=True)
    other_id = Column(postgresql.UUID())
    kept = Column(UUID(as_uuid=True))
    generated = Column(UUID, default=uuid.uuid4)
