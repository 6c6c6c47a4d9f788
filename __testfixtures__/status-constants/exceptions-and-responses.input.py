from fastapi import HTTPException
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response


def check(item):
    if item is None:
        raise HTTPException(404, detail="Item not found")
    if not item.ok:
        raise HTTPException(status_code=400, detail="Bad item")
    if item.locked:
        raise StarletteHTTPException(status_code=423)
    if item.moved:
        return RedirectResponse("/new", 301)
    if item.empty:
        return Response(status_code=204)
    return JSONResponse({"id": item.id}, status_code=202)
