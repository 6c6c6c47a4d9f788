"""Legacy inventory service: FastAPI 0.99, Pydantic 1.10, SQLAlchemy 1.4."""

__version__ = "1.4.2"
