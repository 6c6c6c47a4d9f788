from fastapi import FastAPI


def warm():
    pass


app = FastAPI(
    title="Shop",  # shown in /docs
    version="1.0"  # bumped by CI
)
admin = FastAPI(
    title="Admin",
    # the warm-up
    on_startup=[warm],
)


@app.on_event("startup")
def start():
    pass
