import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app.api import api_router

app = FastAPI(title="Inventory API", version="1.4.0", debug=True)
app.add_middleware(CORSMiddleware, allow_origins=["https://inventory.example.com"])
app.include_router(api_router, prefix="/api/v1")

app.debug = True

uvicorn.run("app.main:app", host="0.0.0.0", port=8000, reload=True)
