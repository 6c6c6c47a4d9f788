from typing import Iterator

from fastapi import Depends, FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, sessionmaker

app = FastAPI()
SessionLocal = sessionmaker()


def get_db() -> Iterator[Session]:
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


async def get_async_db() -> AsyncSession:
    ...


async def current_user(db: Session = Depends(get_db)):
    return db.get(dict, 1)


@app.get("/users")
async def list_users(db: Session = Depends(get_db), user=Depends(current_user)):
    return db.scalars(select(dict)).all()


@app.get("/items")
async def list_items(db=Depends(get_db)):
    return db.execute(select(dict)).all()


@app.get("/sync")
def sync_route(db: Session = Depends(get_db)):
    return db.scalars(select(dict)).all()


@app.get("/async-ok")
async def async_ok(db: AsyncSession = Depends(get_async_db)):
    return (await db.scalars(select(dict))).all()


@app.get("/unused")
async def unused(db: Session = Depends(get_db)):
    return {}


async def helper(db: Session):
    # Not a route nor a dependency: its callers decide.
    return db.get(dict, 1)
