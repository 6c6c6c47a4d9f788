"""Base classes shared by every API schema of the service."""
from datetime import datetime

from pydantic import BaseModel


class APIModel(BaseModel):
    """Strips surrounding whitespace from strings and accepts field names as well as aliases."""

    class Config:
        anystr_strip_whitespace = True
        allow_population_by_field_name = True


class RecordModel(APIModel):
    """A stored record: it has an id and a creation time, and is read from ORM rows."""

    id: int
    created_at: datetime

    class Config:
        # Lets FastAPI serialise SQLAlchemy rows returned by the route handlers.
        orm_mode = True
