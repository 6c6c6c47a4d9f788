from fastapi import APIRouter

router = APIRouter(prefix="/items", on_shutdown=[])


@router.on_event("startup")
async def load_items():
    pass
