from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.get("/", status_code=200)  # fastapi-fix: ignore[FF201]
def index():
    # fastapi-fix: ignore[status-constants]
    raise HTTPException(404)


@app.get("/other")
def other():
    raise HTTPException(400)  # fastapi-fix: ignore
