import logging

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_session
from app.schemas import OrderIn, OrderOut
from app.services import orders, payments

logger = logging.getLogger(__name__)
templates = Jinja2Templates(directory="templates")

router = APIRouter(prefix="/orders", tags=["orders"])


@router.post("/", response_model=OrderOut)
async def create_order(order: OrderIn, session: AsyncSession = Depends(get_session)):
    try:
        return await orders.create(session, order)
    except Exception as exc:
        logger.exception("order creation failed")
        return {"error": str(exc)}


@router.get("/{order_id}")
async def get_order(order_id: int, session: AsyncSession = Depends(get_session)):
    try:
        order = await orders.get(session, order_id)
    except:
        return None
    return order


@router.post("/{order_id}/pay")
async def pay_order(order_id: int):
    try:
        await payments.charge(order_id)
    except (payments.CardDeclined, Exception):
        logger.warning("payment for %s failed", order_id)
    return {"status": "paid"}


@router.delete("/{order_id}", status_code=204)
async def delete_order(order_id: int, session: AsyncSession = Depends(get_session)):
    try:
        await orders.delete(session, order_id)
    except BaseException:
        pass


@router.get("/{order_id}/invoice")
async def invoice(order_id: int):
    try:
        return await orders.invoice(order_id)
    except Exception as exc:
        if isinstance(exc, KeyError):
            raise
        return JSONResponse({"ok": False, "message": "could not build invoice"})


@router.get("/{order_id}/status")
def order_status(order_id: int):
    try:
        return orders.status(order_id)
    except Exception:
        return JSONResponse(content={"status": "unknown"}, status_code=200)


@router.get("/{order_id}/receipt")
async def receipt(request: Request, order_id: int):
    try:
        order = await orders.receipt(order_id)
    except Exception:
        return templates.TemplateResponse(request, "error.html", {"message": "No receipt"})
    return templates.TemplateResponse(request, "receipt.html", {"order": order})
