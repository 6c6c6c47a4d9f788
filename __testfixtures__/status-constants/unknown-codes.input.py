from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.get("/", status_code=299)
def index(code: int):
    raise HTTPException(status_code=599)


@app.get("/other", status_code=0x1F4)
def other():
    raise HTTPException(status_code=code_for("other"))
