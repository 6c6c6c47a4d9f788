from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

api = FastAPI()


@api.get("/health")
def health():
    return {"status": "ok"}


# Wrapped by hand, outside FastAPI's middleware stack.
app = CORSMiddleware(api, allow_origins="*", allow_methods=("GET",))
