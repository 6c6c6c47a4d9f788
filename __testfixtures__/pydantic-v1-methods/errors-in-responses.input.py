from inspect import signature

import pydantic
from fastapi import APIRouter, HTTPException
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from app.schemas import Item

router = APIRouter()


def make_dependable(cls):
    def init_cls_and_handle_errors(*args, **kwargs):
        try:
            signature(init_cls_and_handle_errors).bind(*args, **kwargs)
            return cls(*args, **kwargs)
        except (ValidationError, RequestValidationError) as e:
            for error in e.errors():
                error["loc"] = ["query"] + list(error["loc"])
            raise HTTPException(422, detail=e.errors()) from None

    init_cls_and_handle_errors.__signature__ = signature(cls)
    return init_cls_and_handle_errors


def parse_item(data: dict) -> Item:
    try:
        return Item(**data)
    except pydantic.ValidationError as exc:
        raise HTTPException(status_code=422, detail=exc.errors())


def validation_response(data: dict):
    try:
        Item(**data)
    except ValidationError as err:
        return JSONResponse({"detail": err.errors(), "ok": False}, status_code=400)
    return None


@router.post("/items/check")
def check(data: dict):
    try:
        Item(**data)
    except ValidationError as err:
        return {"valid": False, "errors": [err.errors()]}
    return {"valid": True}
