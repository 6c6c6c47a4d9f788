# fastapi-fix: ignore-file[FF201]
from fastapi import HTTPException


def index():
    raise HTTPException(404)
