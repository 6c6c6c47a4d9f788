from pydantic import BaseSettings, PostgresDsn, RedisDsn


class Settings(BaseSettings):
    POSTGRES_USER: str = "app"
    POSTGRES_DB: str = "app"

    @property
    def db_url(self) -> str:
        return str(PostgresDsn.build(
            scheme="postgresql",
            username=self.POSTGRES_USER,
            password="secret",
            host="db:5432",
            path=f"{self.POSTGRES_DB or ''}",
        ))


def cache_url(host: str) -> str:
    return str(RedisDsn.build(scheme="redis", host=host, path="0"))


def by_hand(db: str) -> str:
    return PostgresDsn.build(scheme="postgresql", host="db", path=db)
