from fastapi import HTTPException, status
from starlette.exceptions import HTTPException as StarletteHTTPException


def check(item, extra):
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND)
    if not item.ok:
        raise HTTPException(status_code=400)
    if item.locked:
        raise StarletteHTTPException(423)
    if item.gone:
        raise HTTPException(410, "Gone")
    if item.bad:
        raise HTTPException(status_code=400, detail="Bad item")
    raise HTTPException(**extra)
