from app.schemas.base import AppModel


class Article(AppModel):
    title: str
    published = False
