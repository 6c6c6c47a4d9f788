from pydantic import BaseSettings, PyObject


class Settings(BaseSettings):
    hasher: PyObject = "hashlib.sha256"
