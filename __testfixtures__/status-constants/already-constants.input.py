from fastapi import FastAPI, HTTPException, status

app = FastAPI()


@app.post("/", status_code=status.HTTP_201_CREATED)
def create():
    raise HTTPException(status_code=status.HTTP_409_CONFLICT)
