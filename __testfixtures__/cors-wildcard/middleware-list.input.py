from fastapi import FastAPI
from fastapi.middleware import Middleware
from fastapi.middleware.cors import CORSMiddleware

ORIGINS = ["*"]
ANY_ORIGIN = r"https?://.*"

middleware = [
    Middleware(CORSMiddleware, allow_origins=ORIGINS, allow_methods=["GET", "POST"]),
    Middleware(
        CORSMiddleware,
        allow_origin_regex=".*",
        allow_credentials=True,
    ),
    Middleware(CORSMiddleware, allow_origin_regex=ANY_ORIGIN),
]

app = FastAPI(middleware=middleware)
