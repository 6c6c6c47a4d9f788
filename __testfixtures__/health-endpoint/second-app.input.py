from fastapi import FastAPI

# app.admin builds an app too and comes first by name: the one report of the project is there.
app = FastAPI()


@app.get("/items")
def items() -> list[str]:
    return []
