"""Orders: a customer buys items at their current (sale) price."""
from fastapi import APIRouter, Depends, HTTPException

from ..db import ItemRow, OrderLineRow, OrderRow, UserRow, get_db
from ..schemas import OrderCreate, OrderOut

router = APIRouter(prefix="/orders", tags=["orders"])


def get_order_or_404(db, order_id: int) -> OrderRow:
    order = db.query(OrderRow).get(order_id)
    if order is None:
        raise HTTPException(404, "Order not found")
    return order


# No status_code: this service has always answered 200 to a new order.
@router.post("/", response_model=OrderOut)
def create_order(payload: OrderCreate, db=Depends(get_db)):
    if db.get(UserRow, payload.customer_id) is None:
        raise HTTPException(404, "Customer not found")
    order = OrderRow(customer_id=payload.customer_id, note=payload.note, coupon=payload.coupon)
    for line in payload.lines:
        item = db.get(ItemRow, line.item_id)
        if item is None:
            raise HTTPException(404, f"Item {line.item_id} not found")
        unit_price = item.price if item.sale_price is None else item.sale_price
        order.lines.append(
            OrderLineRow(item_id=item.id, quantity=line.quantity, unit_price=unit_price)
        )
    db.add(order)
    db.commit()
    db.refresh(order)
    return OrderOut.from_orm(order)


@router.get("/{order_id}", response_model=OrderOut)
def read_order(order_id: int, db=Depends(get_db)):
    return OrderOut.from_orm(get_order_or_404(db, order_id))


# No status_code and no return value: answers 200 with a `null` body.
@router.delete("/{order_id}")
def delete_order(order_id: int, db=Depends(get_db)):
    order = get_order_or_404(db, order_id)
    db.query(OrderLineRow).filter(OrderLineRow.order_id == order.id).delete(synchronize_session=False)
    db.delete(order)
    db.commit()
