from app.factory import create_application

app = create_application()


@app.on_event("startup")
async def startup_event():
    pass
