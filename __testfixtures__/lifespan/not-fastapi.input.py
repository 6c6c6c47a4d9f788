from starlette.applications import Starlette

from .bus import bus


async def startup():
    pass


app = Starlette(on_startup=[startup])
bus.add_event_handler("startup", startup)


@bus.on_event("startup")
def listener():
    pass
