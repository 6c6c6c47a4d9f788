from fastapi import HTTPException, status


def guard(size, uri, ranges, body):
    if size > 10:
        raise HTTPException(status_code=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    if len(uri) > 100:
        raise HTTPException(status_code=status.HTTP_414_REQUEST_URI_TOO_LONG)
    if ranges:
        raise HTTPException(status_code=status.HTTP_416_REQUESTED_RANGE_NOT_SATISFIABLE)
    if not body:
        raise HTTPException(status_code=status.HTTP_422_UNPROCESSABLE_ENTITY, detail="Invalid body")
