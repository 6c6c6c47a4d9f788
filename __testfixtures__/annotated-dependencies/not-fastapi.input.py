from pathlib import Path

from fast_depends import Depends, inject
from graphene import ObjectType


def Query(default=None, **kwargs):
    return default


def get_db():
    return None


@inject
def handler(db: dict = Depends(get_db), root: Path = Path("."), q: str = Query("x")):
    return db


def shadowed():
    from fastapi import Body

    def Body(default=None):  # a local Body shadows the import
        return default

    def inner(payload: dict = Body({})):
        return payload

    return inner
