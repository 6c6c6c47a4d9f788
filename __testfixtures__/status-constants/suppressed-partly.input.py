from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.get("/", status_code=200)  # fastapi-fix: ignore[FF001]
def index():
    raise HTTPException(404)  # fastapi-fix: ignore[FF201]
