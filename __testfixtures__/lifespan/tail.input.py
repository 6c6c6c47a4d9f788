from fastapi import FastAPI

app = FastAPI()


def start():
    print("start")


def stop():
    print("stop")


app.add_event_handler("startup", start)

app.add_event_handler("shutdown", stop)

