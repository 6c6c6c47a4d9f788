import os
import subprocess

from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=os.getenv("ENV_FILE", ".env"))

    database_url: str
    debug: bool = False
    workers: int = 1

    @field_validator("workers")
    @classmethod
    def default_workers(cls, value: int) -> int:
        return value or int(os.environ.get("WEB_CONCURRENCY", "1"))


settings = Settings(_env_file=os.environ.get("APP_ENV_FILE", ".env"))

# Writes, copies and membership tests are not configuration reads.
os.environ["TZ"] = "UTC"
os.environ.setdefault("PYTHONASYNCIODEBUG", "0")
del os.environ["http_proxy"]
child_env = dict(os.environ)
child_env.update(os.environ.copy())
proxied = "HTTPS_PROXY" in os.environ


def run_migrations() -> None:
    subprocess.run(["alembic", "upgrade", "head"], env={**os.environ, "PYTHONPATH": "."}, check=True)


def lookup(environ: dict[str, str], getenv=None) -> str | None:
    # Parameters named like the os functions: not the environment.
    return environ.get("KEY") or environ["OTHER"] or getenv("KEY")


if __name__ == "__main__":
    import uvicorn

    uvicorn.run("app.main:app", port=int(os.getenv("PORT", "8000")))
