from pydantic_settings import BaseSettings as Base
from pydantic import validate_call as checked
from pydantic_extra_types.color import Color as Colour


class Settings(Base):
    theme: Colour = Colour("navy")


@checked
def paint(colour: Colour) -> str:
    return colour.as_hex()
