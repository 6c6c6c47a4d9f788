from mylib.settings import BaseSettings
from mylib.types import Color, PyObject
from mylib.validation import validate_arguments


class Settings(BaseSettings):
    colour: Color = Color("red")
    loader: PyObject = None


@validate_arguments
def run(settings: Settings) -> None:
    pass


def build(pydantic):
    return pydantic.BaseSettings()
