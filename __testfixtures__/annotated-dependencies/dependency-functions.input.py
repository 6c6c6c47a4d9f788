from typing import Optional

from fastapi import Depends, FastAPI, Header, HTTPException, Query

app = FastAPI()


class Pagination:
    def __init__(self, skip: int = Query(0, ge=0), limit: int = Query(100, le=1000)):
        self.skip = skip
        self.limit = limit


class RoleChecker:
    def __init__(self, role: str):
        self.role = role

    def __call__(self, x_role: Optional[str] = Header(None)) -> bool:
        return x_role == self.role


def verify_key(x_key: str = Header(...)) -> str:
    if x_key != "secret":
        raise HTTPException(status_code=403)
    return x_key


async def current_user(key: str = Depends(verify_key), page: Pagination = Depends()) -> dict:
    return {"key": key, "skip": page.skip}


@app.get("/")
def index(user: dict = Depends(current_user), admin: bool = Depends(RoleChecker("admin"))):
    return {"user": user, "admin": admin}
