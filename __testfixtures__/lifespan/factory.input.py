from fastapi import FastAPI


def create_app() -> FastAPI:
    app = FastAPI()

    @app.on_event("startup")
    async def startup():
        pass

    app.add_event_handler("shutdown", startup)
    return app


application = FastAPI(on_startup=[])
