import os
from os import environ

SECRET_KEY = os.getenv("SECRET_KEY", "dev-secret-key-do-not-use")
JWT_SECRET = environ.get("JWT_SECRET", default="local-jwt-secret")
DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://app:l0cal-pw@localhost/app")
BROKER_URL = os.getenv("BROKER_URL", "amqp://guest:guest@localhost:5672//")
LOG_LEVEL = os.getenv("LOG_LEVEL", "info")
API_KEY = os.getenv("API_KEY", "")
TOKEN_URL = os.getenv("TOKEN_URL", "/token")


def get_secret() -> str:
    return os.getenv("APP_SECRET", "fallback-app-secret")
