from pydantic import BaseModel


class Match(BaseModel):
    correct = bool
