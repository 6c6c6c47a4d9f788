from fastapi import Depends, FastAPI, Query

app = FastAPI()


def get_db():
    yield None


@app.get("/")
def index(db: dict = Depends(get_db), q: str = Query(None)):
    return db
