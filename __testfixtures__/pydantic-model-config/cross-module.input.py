from app.schemas.base import AppModel
from .common import Timestamped


class Article(AppModel):
    class Config:
        orm_mode = True


class Comment(Timestamped):
    class Config:
        allow_population_by_field_name = True
