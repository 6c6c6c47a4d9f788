from pydantic import BaseSettings as Base
from pydantic import validate_arguments as checked
from pydantic.color import Color as Colour


class Settings(Base):
    theme: Colour = Colour("navy")


@checked
def paint(colour: Colour) -> str:
    return colour.as_hex()
