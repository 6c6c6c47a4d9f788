from fastapi import FastAPI as Application
from fastapi.middleware.cors import CORSMiddleware
import contextlib

app: Application = Application(
    title="x", version="1"
)
app.add_middleware(CORSMiddleware)


@app.on_event("startup")
def seed():
    """Fill the tables."""
