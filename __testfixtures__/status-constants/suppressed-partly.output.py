from fastapi import FastAPI, HTTPException, status

app = FastAPI()


@app.get("/", status_code=status.HTTP_200_OK)  # fastapi-fix: ignore[FF001]
def index():
    raise HTTPException(404)  # fastapi-fix: ignore[FF201]
