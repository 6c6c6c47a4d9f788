from pydantic import BaseModel, root_validator


class Window(BaseModel):
    low: int
    high: int

    @root_validator(pre=True)
    def fill_high(cls, values):
        values.setdefault("high", values.get("low"))
        return values

    @root_validator(skip_on_failure=True)
    def ordered(cls, values):
        if values["low"] > values.get("high"):
            raise ValueError("low > high")
        return values
