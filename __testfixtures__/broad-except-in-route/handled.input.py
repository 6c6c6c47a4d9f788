import logging
from http import HTTPStatus

from fastapi import APIRouter, HTTPException, Response, status
from fastapi.responses import JSONResponse, RedirectResponse

from app.schemas import ItemIn
from app.services import items, search

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/items")


@router.post("/", status_code=status.HTTP_201_CREATED)
async def create_item(item: ItemIn):
    try:
        return await items.create(item)
    except Exception as exc:
        logger.exception("item creation failed")
        raise HTTPException(
            status_code=status.HTTP_500_INTERNAL_SERVER_ERROR, detail="Could not create item"
        ) from exc


@router.put("/{item_id}")
async def update_item(item_id: int, item: ItemIn):
    try:
        return await items.update(item_id, item)
    except Exception:
        await items.rollback()
        raise


@router.get("/search")
async def search_items(q: str):
    try:
        return await search.query(q)
    except Exception:
        return JSONResponse(
            status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
            content={"detail": "Search is unavailable"},
        )


@router.get("/{item_id}")
async def get_item(item_id: int):
    try:
        return await items.get(item_id)
    except ValueError:
        return {"error": "bad id"}


@router.get("/{item_id}/raw")
async def raw_item(item_id: int):
    try:
        return await items.raw(item_id)
    except Exception:
        return Response(status_code=HTTPStatus.BAD_GATEWAY)


@router.get("/{item_id}/stock")
async def stock(item_id: int, response: Response):
    try:
        return {"stock": await items.stock(item_id)}
    except Exception:
        response.status_code = 502
        return {"stock": None}


@router.get("/{item_id}/preview")
async def preview(item_id: int):
    try:
        return await items.preview(item_id)
    except Exception as exc:
        return error_response(exc)


@router.post("/reindex")
async def reindex():
    failed = []
    for item_id in await items.ids():
        try:
            await search.index(item_id)
        except Exception:
            logger.exception("indexing %s failed", item_id)
            failed.append(item_id)
    return {"failed": failed}


@router.post("/{item_id}/archive")
async def archive(item_id: int):
    try:
        await items.archive(item_id)
    except Exception:
        logger.exception("archiving %s failed", item_id)
    raise HTTPException(status.HTTP_500_INTERNAL_SERVER_ERROR, detail="Archive failed")


@router.post("/{item_id}/publish")
async def publish(item_id: int):
    try:
        await items.publish(item_id)
    except Exception:
        return RedirectResponse(f"/items/{item_id}?error=publish", status_code=303)
    return RedirectResponse(f"/items/{item_id}", status_code=303)


@router.get("/{item_id}/price")
async def price(item_id: int):
    try:
        return {"price": await items.price(item_id)}
    except Exception:
        logger.exception("pricing %s failed", item_id)
        answer = JSONResponse(status_code=502, content={"detail": "Pricing service failed"})
        return answer


@router.get("/{item_id}/supplier")
async def supplier(item_id: int):
    try:
        data = await items.supplier(item_id)
    except Exception as exc:
        raise_upstream_error(exc)
    return data


def raise_upstream_error(exc: Exception) -> None:
    logger.error("upstream failed: %s", exc)
    raise HTTPException(status.HTTP_502_BAD_GATEWAY, detail="Upstream service failed") from exc


def sync_all():
    # Not a route: a background job may well log and carry on.
    try:
        items.sync()
    except Exception:
        logger.exception("sync failed")
    return True


def error_response(exc: Exception) -> JSONResponse:
    return JSONResponse(status_code=500, content={"detail": str(exc)})
