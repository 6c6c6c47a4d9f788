import logging

import pydantic.v1
from fastapi import APIRouter, HTTPException
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from app.schemas import Item

router = APIRouter()
logger = logging.getLogger(__name__)


def logged(data: dict):
    try:
        return Item(**data)
    except ValidationError as e:
        logger.warning("invalid item: %s", e.errors())
        raise HTTPException(422, detail="invalid item")


def any_error(data: dict):
    try:
        return Item(**data)
    except Exception as e:
        raise HTTPException(422, detail=e.errors())


def v1_shim(data: dict):
    try:
        return Item(**data)
    except pydantic.v1.ValidationError as e:
        raise HTTPException(422, detail=e.errors())


def rebound(data: dict):
    try:
        return Item(**data)
    except ValidationError as e:
        e = wrap(e)
        raise HTTPException(422, detail=e.errors())


def already_v2(data: dict):
    try:
        return Item(**data)
    except ValidationError as e:
        return JSONResponse(content=e.errors(include_url=False))


def not_a_route(data: dict):
    try:
        Item(**data)
    except ValidationError as e:
        return e.errors()
    return []


def later(data: dict):
    try:
        Item(**data)
    except ValidationError as e:

        def fail():
            raise HTTPException(422, detail=e.errors())

        return fail
    return None


@router.post("/items/status")
def status(data: dict):
    try:
        Item(**data)
    except ValidationError as e:
        return {"count": len(e.errors())}
    return {"count": 0}


def wrap(e):
    return e
