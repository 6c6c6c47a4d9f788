from typing import List

from fastapi import Query
from pydantic import BaseModel, Field


class Report(BaseModel):
    """Übersicht — a report with non-ASCII text before the edits."""

    title: str = Field(
        ...,
        pattern="^[A-Z]",  # must start with a capital
        examples=["Quarterly"],
    )
    sections: List[str] = Field(
        default_factory=list,
        max_length=12,
        json_schema_extra={"ui_order": 3, "ui_group": "body"},
    )


def search(flags: List[str] = Query([])):
    return flags


def other(flags: List[str] = Query()):
    return flags
