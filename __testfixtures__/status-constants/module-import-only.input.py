import fastapi

app = fastapi.FastAPI()


@app.get("/", status_code=200)
def index():
    raise fastapi.HTTPException(503)
