try:
    from pydantic_settings import BaseSettings
except ImportError:  # Pydantic v1
    from pydantic import BaseSettings

try:
    from pydantic import validate_call
except ImportError:
    from pydantic import validate_arguments as validate_call

from pydantic.v1 import BaseSettings as V1Settings
from pydantic.v1.generics import GenericModel


class Settings(BaseSettings):
    debug: bool = False


class Legacy(V1Settings):
    debug: bool = False
