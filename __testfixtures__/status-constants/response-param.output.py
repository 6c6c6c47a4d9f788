from fastapi import FastAPI, Response, status

app = FastAPI()


@app.put("/items/{item_id}")
def upsert(item_id: int, response: Response):
    created = item_id > 100
    if created:
        response.status_code = status.HTTP_201_CREATED
    other = Response()
    other.status_code = status.HTTP_200_OK
    unrelated.status_code = 200
    return {}
