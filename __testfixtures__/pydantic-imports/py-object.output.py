from pydantic import ImportString
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    hasher: ImportString = "hashlib.sha256"
