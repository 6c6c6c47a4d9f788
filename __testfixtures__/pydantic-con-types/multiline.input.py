from fastapi import Query
from pydantic import BaseModel, conint, conlist


class Report(BaseModel):
    """Übersicht — a report with non-ASCII text before the edits."""

    pages: conlist(
        int,
        min_items=1,
    )


def search(
    page: conint(ge=1) = Query(
        1,
        description="Ünïcode page",
    ),
):
    return page
