from fastapi import FastAPI

lifespan = "taken"

app = FastAPI()
admin = FastAPI(on_startup=[])  # the back office


def start():
    print("start")


app.add_event_handler("startup", start)
admin.add_event_handler("shutdown", start)
app.mount("/admin", admin)
