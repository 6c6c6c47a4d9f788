from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware


def create_app() -> FastAPI:
    application = FastAPI(title="Billing")
    application.add_middleware(CORSMiddleware, allow_origins=["https://billing.example.com"])

    @application.get("/invoices")
    async def list_invoices() -> list[str]:
        return []

    return application


app = create_app()
