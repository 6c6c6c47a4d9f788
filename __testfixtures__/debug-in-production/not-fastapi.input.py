import logging


class FastAPI:
    """A tiny stand-in for the real thing, used by the CLI's offline mode."""

    def __init__(self, debug: bool = False) -> None:
        self.debug = debug


class Runner:
    def run(self, target: str, reload: bool = False) -> None:
        logging.info("running %s (reload=%s)", target, reload)


uvicorn = Runner()

app = FastAPI(debug=True)
app.debug = True
uvicorn.run("app.main:app", reload=True)
