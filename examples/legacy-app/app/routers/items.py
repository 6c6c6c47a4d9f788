"""Inventory items."""
import time
from typing import List, Optional

import requests
from fastapi import APIRouter, Depends, HTTPException, Query, Response
from fastapi.responses import JSONResponse
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..config import Settings, get_settings
from ..db import ItemRow, get_db, get_transaction
from ..schemas import (
    ItemBatch,
    ItemCreate,
    ItemEvent,
    ItemOut,
    ItemSummary,
    ItemUpdate,
    NotifyRequest,
    Quote,
    UpstreamPrice,
)

router = APIRouter(
    prefix="/items",
    tags=["items"],
    responses={404: {"description": "Item not found"}},
)

# Messages handed to the message broker, as JSON text; the broker is simulated by this list.
outbox: List[str] = []

# What `?sort=` may name.
SORT_COLUMNS = {"id": ItemRow.id, "name": ItemRow.name, "price": ItemRow.price}


def get_item_or_404(db: Session, item_id: int) -> ItemRow:
    item = db.query(ItemRow).get(item_id)
    if item is None:
        raise HTTPException(404, "Item not found")
    return item


def new_item_row(payload: ItemCreate, **columns) -> ItemRow:
    """A row for a new item, from its validated body; `columns` adds others, such as owner_id."""
    return ItemRow(**payload.dict(), **columns)


async def publish(message: str, delay: float) -> None:
    """Sends a message to the broker (simulated: waits, then appends to the outbox)."""
    time.sleep(delay)
    outbox.append(message)


@router.get("/", response_model=List[ItemOut], status_code=200)
def list_items(
    response: Response,
    skip: int = Query(0, ge=0),
    limit: int = Query(20, ge=1),
    sort: str = Query("id", regex=r"^-?(id|name|price)$"),
    name: Optional[str] = None,
    db: Session = Depends(get_db),
    settings: Settings = Depends(get_settings),
):
    """`sort` names a column, with a leading `-` for descending order; `name` filters by a part of
    the name. The X-Total-Count header says how many items match, over all pages."""
    if limit > settings.max_page_size:
        raise HTTPException(
            status_code=400, detail=f"limit must not exceed {settings.max_page_size}"
        )
    column = SORT_COLUMNS[sort.lstrip("-")]
    order = column.desc() if sort.startswith("-") else column
    query = db.query(ItemRow)
    if name:
        query = query.filter(ItemRow.name.contains(name))
    response.headers["X-Total-Count"] = str(query.count())
    return query.order_by(order, ItemRow.id).offset(skip).limit(limit).all()


@router.post(
    "/", response_model=ItemOut, status_code=201, responses={409: {"description": "SKU taken"}}
)
def create_item(payload: ItemCreate, db: Session = Depends(get_db)):
    item = new_item_row(payload)
    db.add(item)
    try:
        db.commit()
    except IntegrityError:
        db.rollback()
        raise HTTPException(409, "SKU already in use")
    db.refresh(item)
    return item


@router.post("/batch", response_model=List[ItemOut], status_code=201)
def import_items(payload: ItemBatch, db=Depends(get_transaction)):
    """All or nothing: get_transaction commits when every item was added, else rolls back."""
    items = [new_item_row(entry) for entry in payload.__root__]
    db.add_all(items)
    try:
        db.flush()
    except IntegrityError:
        raise HTTPException(409, "SKU already in use")
    for item in items:
        db.refresh(item)
    return items


@router.get("/stats")
def item_stats(db: Session = Depends(get_db)):
    """How many items there are and their price range, in one row of aggregates."""
    row = db.execute(
        select(
            [
                func.count(ItemRow.id).label("count"),
                func.min(ItemRow.price).label("min_price"),
                func.max(ItemRow.price).label("max_price"),
            ]
        )
    ).first()
    return {"count": row["count"], "min_price": row["min_price"], "max_price": row["max_price"]}


@router.post("/discount")
def discount_all(percent: int = Query(..., gt=0, lt=100), db: Session = Depends(get_db)):
    """Puts every item on sale at `percent` off its price, in one UPDATE."""
    factor = (100 - percent) / 100
    changed = db.query(ItemRow).update(
        {ItemRow.sale_price: func.round(ItemRow.price * factor, 2)}, synchronize_session=False
    )
    db.commit()
    return {"changed": changed}


@router.get("/{item_id}", response_model=ItemOut, responses={404: {"description": "No such item"}})
def read_item(item_id: int, db: Session = Depends(get_db)):
    return get_item_or_404(db, item_id)


@router.patch("/{item_id}", response_model=ItemOut)
def update_item(item_id: int, payload: ItemUpdate, db: Session = Depends(get_db)):
    """Changes only the fields the client sent; `"description": null` clears the description."""
    item = get_item_or_404(db, item_id)
    changes = payload.dict(exclude_unset=True)
    if not changes:
        raise HTTPException(status_code=400, detail="No fields to update")
    for field, value in changes.items():
        setattr(item, field, value)
    db.commit()
    db.refresh(item)
    return item


@router.delete("/{item_id}", status_code=204)
def delete_item(item_id: int, db: Session = Depends(get_db)):
    item = get_item_or_404(db, item_id)
    db.delete(item)
    db.commit()


@router.get("/{item_id}/quote", response_model=Quote)
async def price_quote(
    item_id: int,
    quantity: int = Query(1, ge=1, le=1000),
    db: Session = Depends(get_db),
    settings: Settings = Depends(get_settings),
):
    """Asks the pricing service (a blocking HTTP call from an async route)."""
    item = get_item_or_404(db, item_id)
    response = requests.get(
        f"{settings.pricing_url}/prices/{item.id}",
        params={"quantity": quantity},
        timeout=settings.pricing_timeout,
    )
    if not response.ok:
        raise HTTPException(502, "Pricing service unavailable")
    price = UpstreamPrice.parse_obj(response.json())
    total = price.unit_price * quantity * (1 - (price.discount or 0))
    return Quote(item_id=item.id, quantity=quantity, currency=price.currency, total=round(total, 2))


@router.post("/{item_id}/notify", status_code=202)
async def notify_about_item(
    item_id: int,
    payload: NotifyRequest,
    db: Session = Depends(get_db),
    settings: Settings = Depends(get_settings),
):
    item = get_item_or_404(db, item_id)
    event = ItemEvent(
        type="item.notify",
        item=ItemSummary.from_orm(item),
        channel=payload.channel,
        message=payload.message,
    )
    await publish(event.json(), settings.notify_delay)
    return JSONResponse(
        content={"status": "queued", "item_id": item.id, "channel": payload.channel},
        status_code=202,
    )
