from fastapi import HTTPException


def guard(size, uri, ranges, body):
    if size > 10:
        raise HTTPException(status_code=413)
    if len(uri) > 100:
        raise HTTPException(status_code=414)
    if ranges:
        raise HTTPException(status_code=416)
    if not body:
        raise HTTPException(status_code=422, detail="Invalid body")
