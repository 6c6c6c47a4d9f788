from fastapi import HTTPException, status
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response


def check(item):
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Item not found")
    if not item.ok:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="Bad item")
    if item.locked:
        raise StarletteHTTPException(status_code=status.HTTP_423_LOCKED)
    if item.moved:
        return RedirectResponse("/new", status.HTTP_301_MOVED_PERMANENTLY)
    if item.empty:
        return Response(status_code=status.HTTP_204_NO_CONTENT)
    return JSONResponse({"id": item.id}, status_code=status.HTTP_202_ACCEPTED)
