class HTTPException(Exception):
    pass


def check():
    raise HTTPException(404)
