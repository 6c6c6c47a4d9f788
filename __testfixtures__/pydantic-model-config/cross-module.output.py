from app.schemas.base import AppModel
from .common import Timestamped
from pydantic import ConfigDict


class Article(AppModel):
    model_config = ConfigDict(from_attributes=True)


class Comment(Timestamped):
    model_config = ConfigDict(populate_by_name=True)
