from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware as Cors

app = FastAPI()
app.add_middleware(
    Cors,
    allow_origins=["http://localhost:3000", "*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
