from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import Depends, FastAPI, Query

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def get_db():
    yield None


def create_app() -> FastAPI:
    app = FastAPI()

    def get_user() -> dict:
        return {}

    # get_user is local: a string annotation could not find it.
    @app.get("/me")
    def me(user: dict = Depends(get_user), q: str = Query(None)):
        return user

    # Module-level names only: fine.
    @app.get("/items")
    def items(db: dict = Depends(get_db), f: int = Query(1, ge=0), g=Depends(lambda: 1)):
        return db

    # Session exists for the type checker only: Annotated[Session, ...] would not resolve.
    @app.get("/typed")
    def typed(db: Session = Depends(get_db)):
        return db

    return app
