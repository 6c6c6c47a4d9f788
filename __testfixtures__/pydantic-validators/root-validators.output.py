from pydantic import BaseModel, model_validator


class Window(BaseModel):
    low: int
    high: int

    @model_validator(mode="before")
    @classmethod
    def fill_high(cls, values):
        values.setdefault("high", values.get("low"))
        return values

    @model_validator(mode="after")
    def ordered(self):
        if self.low > self.high:
            raise ValueError("low > high")
        return self
