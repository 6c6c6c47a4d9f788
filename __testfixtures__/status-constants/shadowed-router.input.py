from fastapi import FastAPI, HTTPException

app = FastAPI()


def register(app, HTTPException):
    @app.get("/", status_code=200)
    def index():
        raise HTTPException(404)

    return index
