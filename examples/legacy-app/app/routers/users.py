"""Users and the items they own."""
import time as t
from typing import Dict, List

from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy.orm import Session

from ..config import Settings, get_settings
from ..db import UserRow, get_db
from ..schemas import ItemCreate, ItemOut, UserCreate, UserOut
from .items import new_item_row

router = APIRouter(prefix="/users", tags=["users"])

# When each user name was last looked up, by monotonic clock.
_recent_lookups: Dict[str, float] = {}


async def throttle_repeated_lookup(username: str, settings: Settings) -> None:
    """Crude anti-scraping measure: a second lookup of one name within a second is slowed down."""
    now = t.monotonic()
    last = _recent_lookups.get(username)
    _recent_lookups[username] = now
    if last is not None and now - last < 1.0:
        t.sleep(settings.throttle_delay)


def get_user_or_404(db: Session, user_id: int) -> UserRow:
    user = db.query(UserRow).get(user_id)
    if user is None:
        raise HTTPException(404, detail="User not found")
    return user


@router.get("/", response_model=List[UserOut])
def list_users(db: Session = Depends(get_db)):
    return db.query(UserRow).order_by(UserRow.id).all()


@router.post("/", response_model=UserOut, status_code=201, responses={409: {"description": "Taken"}})
def create_user(payload: UserCreate, db: Session = Depends(get_db)):
    taken = db.query(UserRow.id).filter(UserRow.username == payload.username).first()
    if taken is not None:
        raise HTTPException(status_code=409, detail="Username already taken")
    user = UserRow(username=payload.username, full_name=payload.full_name)
    db.add(user)
    db.commit()
    db.refresh(user)
    return user


@router.get("/by-username/{username}", response_model=UserOut)
async def find_user(
    username: str,
    db: Session = Depends(get_db),
    settings: Settings = Depends(get_settings),
):
    await throttle_repeated_lookup(username, settings)
    user = db.query(UserRow).filter_by(username=username).one_or_none()
    if user is None:
        raise HTTPException(404, "User not found")
    return user


@router.get("/{user_id}", response_model=UserOut)
def read_user(user_id: int, db: Session = Depends(get_db)):
    return get_user_or_404(db, user_id)


@router.post("/{user_id}/items", response_model=ItemOut, status_code=201)
def create_item_for_user(user_id: int, payload: ItemCreate, db: Session = Depends(get_db)):
    user = get_user_or_404(db, user_id)
    item = new_item_row(payload, owner_id=user.id)
    db.add(item)
    db.commit()
    db.refresh(item)
    return item
