from typing import Any

from sqlalchemy.orm import declared_attr, DeclarativeBase


class Base(DeclarativeBase):
    id: Any
    __name__: str

    # Generate __tablename__ automatically
    @declared_attr
    def __tablename__(cls) -> str:
        return cls.__name__.lower()


class Other(Mixin, DeclarativeBase):
    """With a docstring."""
    metadata = META

    x = 1
