"""Inventory items."""
import time
from typing import Any, Dict, List

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import Settings, get_settings
from ..db import ItemRow, get_db
from ..schemas import ItemCreate, ItemOut, ItemUpdate, NotifyRequest

router = APIRouter(
    prefix="/items",
    tags=["items"],
    responses={404: {"description": "Item not found"}},
)

# Events handed to the message broker; the broker is simulated by this list.
outbox: List[Dict[str, Any]] = []


def get_item_or_404(db: Session, item_id: int) -> ItemRow:
    item = db.get(ItemRow, item_id)
    if item is None:
        raise HTTPException(404, "Item not found")
    return item


async def publish(event: Dict[str, Any], delay: float) -> None:
    """Sends an event to the broker (simulated: waits, then appends to the outbox)."""
    time.sleep(delay)
    outbox.append(event)


@router.get("/", response_model=List[ItemOut], status_code=200)
def list_items(
    skip: int = Query(0, ge=0),
    limit: int = Query(20, ge=1),
    db: Session = Depends(get_db),
    settings: Settings = Depends(get_settings),
):
    if limit > settings.max_page_size:
        raise HTTPException(
            status_code=400, detail=f"limit must not exceed {settings.max_page_size}"
        )
    query = select(ItemRow).order_by(ItemRow.id).offset(skip).limit(limit)
    return db.execute(query).scalars().all()


@router.post("/", response_model=ItemOut, status_code=201)
def create_item(payload: ItemCreate, db: Session = Depends(get_db)):
    item = ItemRow(name=payload.name, description=payload.description, price=payload.price)
    db.add(item)
    db.commit()
    db.refresh(item)
    return item


@router.get("/{item_id}", response_model=ItemOut, responses={404: {"description": "No such item"}})
def read_item(item_id: int, db: Session = Depends(get_db)):
    return get_item_or_404(db, item_id)


@router.patch("/{item_id}", response_model=ItemOut)
def update_item(item_id: int, payload: ItemUpdate, db: Session = Depends(get_db)):
    item = get_item_or_404(db, item_id)
    if payload.name is None and payload.description is None and payload.price is None:
        raise HTTPException(status_code=400, detail="No fields to update")
    if payload.name is not None:
        item.name = payload.name
    if payload.description is not None:
        item.description = payload.description
    if payload.price is not None:
        item.price = payload.price
    db.commit()
    db.refresh(item)
    return item


@router.delete("/{item_id}", status_code=204)
def delete_item(item_id: int, db: Session = Depends(get_db)):
    item = get_item_or_404(db, item_id)
    db.delete(item)
    db.commit()


@router.get("/{item_id}/quote")
async def price_quote(
    item_id: int,
    quantity: int = Query(1, ge=1, le=1000),
    db: Session = Depends(get_db),
    settings: Settings = Depends(get_settings),
):
    item = get_item_or_404(db, item_id)
    # Stand-in for the round trip to the pricing service.
    time.sleep(settings.upstream_latency)
    return {"item_id": item.id, "quantity": quantity, "total": round(item.price * quantity, 2)}


@router.post("/{item_id}/notify", status_code=202)
async def notify_about_item(
    item_id: int,
    payload: NotifyRequest,
    db: Session = Depends(get_db),
    settings: Settings = Depends(get_settings),
):
    item = get_item_or_404(db, item_id)
    event = {
        "type": "item.notify",
        "item": {"id": item.id, "name": item.name, "price": item.price},
        "channel": payload.channel,
        "message": payload.message,
    }
    await publish(event, settings.notify_delay)
    return JSONResponse(
        content={"status": "queued", "item_id": item.id, "channel": payload.channel},
        status_code=202,
    )
