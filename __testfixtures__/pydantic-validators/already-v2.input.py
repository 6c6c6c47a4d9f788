from pydantic import BaseModel, ValidationInfo, field_validator, model_validator


class Item(BaseModel):
    a: int
    b: int

    @field_validator("a")
    @classmethod
    def check_a(cls, v: int, info: ValidationInfo) -> int:
        return v

    @model_validator(mode="after")
    def check(self):
        return self
