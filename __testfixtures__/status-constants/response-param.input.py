from fastapi import FastAPI, Response

app = FastAPI()


@app.put("/items/{item_id}")
def upsert(item_id: int, response: Response):
    created = item_id > 100
    if created:
        response.status_code = 201
    other = Response()
    other.status_code = 200
    unrelated.status_code = 200
    return {}
