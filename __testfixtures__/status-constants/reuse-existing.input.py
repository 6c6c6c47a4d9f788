import fastapi
from starlette import status as st


def a():
    raise fastapi.HTTPException(status_code=404)


def b():
    raise fastapi.HTTPException(status_code=st.HTTP_409_CONFLICT)


def c():
    raise fastapi.HTTPException(status_code=401)
