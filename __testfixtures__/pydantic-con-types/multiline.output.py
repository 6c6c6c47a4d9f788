from fastapi import Query
from pydantic import BaseModel, Field
from typing import Annotated


class Report(BaseModel):
    """Übersicht — a report with non-ASCII text before the edits."""

    pages: Annotated[list[int], Field(min_length=1)]


def search(
    page: int = Query(
        1,
        description="Ünïcode page",
        ge=1,
    ),
):
    return page
