from pydantic_settings import BaseSettings

SECRET_KEY = "change-me"
API_KEY = "your-api-key-here"
SLACK_TOKEN = "<slack-token>"
WEBHOOK_SECRET = "xxx"
SENDGRID_API_KEY = "TODO"
ADMIN_PASSWORD = "pw"
MQ_URL = "amqp://guest:guest@localhost:5672/"


class Settings(BaseSettings):
    secret_key: str = "secret"
    db_password: str = "CHANGE_ME_IN_PRODUCTION"
