import fastapi

app = fastapi.FastAPI()


@app.get("/", status_code=fastapi.status.HTTP_200_OK)
def index():
    raise fastapi.HTTPException(fastapi.status.HTTP_503_SERVICE_UNAVAILABLE)
