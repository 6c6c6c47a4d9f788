from dataclasses import field

from marshmallow import fields
from sqlalchemy.orm import Query
from wtforms import Field


class Schema:
    name = fields.Field(regex="^a", example="x")
    tags = field(default_factory=list)


class Form:
    title = Field(regex="^a", min_items=1)


def rows(session):
    return Query(session, regex="x", example=1)
