from typing_extensions import Annotated

from fastapi import Depends, FastAPI

app = FastAPI()


def get_db():
    yield None


@app.get("/")
def index(db: Annotated[dict, Depends(get_db)]):
    return db
