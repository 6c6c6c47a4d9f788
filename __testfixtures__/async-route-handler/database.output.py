# Handlers that read ORM objects or use a session stay def: lazy loading runs SQL on the event loop.
from datetime import date
from enum import Enum
from typing import Annotated, List
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.orm import Session

from app import models, schemas
from app.api import deps

router = APIRouter()
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")


# A lazy relationship of the SQLAlchemy user the dependency loaded.
@router.get("/me/items", response_model=List[schemas.Item])
def read_own_items(current_user: models.User = Depends(deps.get_current_user)):
    return current_user.items


@router.get("/me/name")
def read_own_name(current_user=Depends(deps.get_current_user)):
    return {"name": current_user.full_name}


@router.get("/me", response_model=schemas.User)
def read_me(current_user: Annotated[models.User, Depends(deps.get_current_user)]):
    return schemas.User.from_orm(current_user)


@router.get("/users/emails")
def emails(users: List[models.User] = Depends(deps.get_users)):
    return [user.email for user in users]


@router.get("/pending")
def pending(db: Session = Depends(deps.get_db)):
    return {"pending": len(db.new)}


@router.get("/pending/untyped")
def pending_untyped(db=Depends(deps.get_db)):
    return {"dirty": len(db.dirty)}


@router.get("/pending/legacy")
def pending_legacy(db=Depends(deps.get_legacy_db)):
    return {"dirty": len(db.dirty)}


@router.get("/settings")
def settings_name(settings=Depends(deps.get_settings)):
    return {"name": settings.app_name}


class Row:
    title = ""


@router.get("/rows/title")
def row_title(row: Row = Depends()):
    return {"title": row.title}


# Plain values, framework objects and Pydantic models: these become async def.
class Color(str, Enum):
    red = "red"


@router.get("/colors/{color}")
async def read_color(color: Color, request: Request, day: date, item_id: UUID):
    return {"color": color.value, "path": request.url.path, "year": day.year, "id": item_id}


@router.post("/items", response_model=schemas.Item)
async def echo_item(item: schemas.Item, token: str = Depends(oauth2_scheme)):
    return item


@router.get("/profile", response_model=schemas.User)
async def profile(current=Depends(deps.get_current_schema)):
    return current


@router.get("/unused")
async def unused(db: Session = Depends(deps.get_db)):
    return {"ok": True}
