import fastapi
from starlette import status as st


def a():
    raise fastapi.HTTPException(status_code=st.HTTP_404_NOT_FOUND)


def b():
    raise fastapi.HTTPException(status_code=st.HTTP_409_CONFLICT)


def c():
    raise fastapi.HTTPException(status_code=st.HTTP_401_UNAUTHORIZED)
