import os
from datetime import timedelta

import jwt
from fastapi import Depends, FastAPI
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import create_engine

SECRET_KEY = os.environ["SECRET_KEY"]
API_KEY = os.getenv("API_KEY")
JWT_SECRET = os.environ.get("JWT_SECRET")
SECRET_KEY_NAME = "SECRET_KEY"
TOKEN_URL = "/api/v1/login/access-token"
TOKEN_TYPE = "bearer"
ALGORITHM = "HS256"
PASSWORD_MIN_LENGTH = 8
ACCESS_TOKEN_EXPIRE = timedelta(minutes=30)
password_reset_token_url = "https://example.com/reset-password"
API_KEY_HEADER = "X-API-Key"
EMPTY_PASSWORD = ""
JWT_PRIVATE_KEY = "keys/jwt-private.pem"
SIGNING_KEY = "${SIGNING_KEY}"

DB_USER = os.environ["DB_USER"]
DB_PASSWORD = os.environ["DB_PASSWORD"]
DB_HOST = os.getenv("DB_HOST", "localhost")
DATABASE_URL = f"postgresql://{DB_USER}:{DB_PASSWORD}@{DB_HOST}/app"
LEGACY_URL = "postgresql://%s:%s@%s/app" % (DB_USER, DB_PASSWORD, DB_HOST)
FORMAT_URL = "postgresql://{}:{}@{}/app".format(DB_USER, DB_PASSWORD, DB_HOST)
TEMPLATE_URL = "postgresql://app:${DB_PASSWORD}@db/app"
NO_PASSWORD_URL = "postgresql://app@db/app"
EMPTY_PASSWORD_URL = "redis://:@cache:6379/0"
SQLITE_URL = "sqlite:///./app.db"

engine = create_engine(DATABASE_URL)
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
app = FastAPI()


def create_access_token(data: dict) -> str:
    return jwt.encode(data, key=SECRET_KEY, algorithm=ALGORITHM)


def token_response(token: str) -> dict:
    token_type = "bearer"
    return {"access_token": token, "token_type": token_type}


@app.get("/me")
def read_me(token: str = Depends(oauth2_scheme)):
    return {"token": token}
