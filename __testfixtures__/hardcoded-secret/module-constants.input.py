import redis
from fastapi import FastAPI
from sqlalchemy import create_engine
from starlette.middleware.sessions import SessionMiddleware

SECRET_KEY = "9d2f7c0b6e5a4d3c2b1a0f9e8d7c6b5a"
ALGORITHM = "HS256"
ACCESS_TOKEN_EXPIRE_MINUTES = 30
DB_PASSWORD = "Pg-Pr0d-2024!"
STRIPE_API_KEY = "stripe-test-4f9a8b7c6d5e"
GITHUB_TOKEN: str = "gh-token-0a1b2c3d4e5f6a7b8c9d"
jwtSecret = "a-long-and-random-signing-secret"
DATABASE_URL = "postgresql+asyncpg://app:Xk9-pq2Lm@db.internal:5432/app"
PRIVATE_KEY_PEM = """-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEA7
-----END RSA PRIVATE KEY-----
"""

engine = create_engine("mysql+pymysql://reporting:rep0rt-pw@10.0.0.12/reports")
cache = redis.from_url("redis://:r3dis-pass@cache:6379/0")

app = FastAPI()
app.add_middleware(SessionMiddleware, secret_key="session-signing-7f3e9a1c")


class Config:
    API_KEY = "internal-api-key-5b6c7d8e"
    TOKEN_URL = "/auth/token"
