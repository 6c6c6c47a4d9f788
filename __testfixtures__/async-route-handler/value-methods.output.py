from fastapi import FastAPI

app = FastAPI()


@app.get("/sort")
async def sort_column(sort: str = "id", tags: list[str] = []):
    return {"column": sort.lstrip("-").lower(), "tags": tags.copy()}


@app.get("/unknown")
def unknown(value):
    return {"v": value.strip()}
