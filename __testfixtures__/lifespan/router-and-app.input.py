from fastapi import APIRouter, FastAPI

router = APIRouter()


@router.on_event("startup")
def load_router_cache():
    pass


app = FastAPI()
app.include_router(router)


@app.on_event("startup")
def load_app_cache():
    pass
