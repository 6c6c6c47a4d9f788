from inspect import signature

from fastapi import HTTPException
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from pydantic_core import to_jsonable_python


def make_dependable(cls):
    def init_cls_and_handle_errors(*args, **kwargs):
        try:
            signature(init_cls_and_handle_errors).bind(*args, **kwargs)
            return cls(*args, **kwargs)
        except (ValidationError, RequestValidationError) as e:
            for error in e.errors():
                error["loc"] = ["query"] + list(error["loc"])
            raise HTTPException(422, detail=to_jsonable_python(e.errors(), exclude={"__all__": {"input", "url"}}, serialize_unknown=True)) from None

    init_cls_and_handle_errors.__signature__ = signature(cls)
    return init_cls_and_handle_errors
