from typing import List

from fastapi import Query
from pydantic import BaseModel, Field


class Report(BaseModel):
    """Übersicht — a report with non-ASCII text before the edits."""

    title: str = Field(
        ...,
        regex="^[A-Z]",  # must start with a capital
        example="Quarterly",
    )
    sections: List[str] = Field(
        default_factory=list,
        max_items=12,
        ui_order=3,
        ui_group="body",
    )


def search(flags: List[str] = Query([], include={"a"}, exclude={"b"})):
    return flags


def other(flags: List[str] = Query(
    include={"a"},
)):
    return flags
