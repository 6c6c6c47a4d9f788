from typing import Generic, TypeVar

from app.schemas import Base

M = TypeVar("M", bound=Base)


class Repo(Generic[M]):
    def __init__(self, schema: type[M]):
        self.schema = schema

    def load(self, row) -> M:
        return self.schema.model_validate(row, from_attributes=True)
