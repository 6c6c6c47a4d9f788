from typing import Optional, Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Query

app = FastAPI()


class Pagination:
    def __init__(
        self,
        skip: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(le=1000)] = 100,
    ):
        self.skip = skip
        self.limit = limit


class RoleChecker:
    def __init__(self, role: str):
        self.role = role

    def __call__(self, x_role: Annotated[Optional[str], Header()] = None) -> bool:
        return x_role == self.role


def verify_key(x_key: Annotated[str, Header()]) -> str:
    if x_key != "secret":
        raise HTTPException(status_code=403)
    return x_key


async def current_user(
    key: Annotated[str, Depends(verify_key)],
    page: Annotated[Pagination, Depends()],
) -> dict:
    return {"key": key, "skip": page.skip}


@app.get("/")
def index(
    user: Annotated[dict, Depends(current_user)],
    admin: Annotated[bool, Depends(RoleChecker("admin"))],
):
    return {"user": user, "admin": admin}
