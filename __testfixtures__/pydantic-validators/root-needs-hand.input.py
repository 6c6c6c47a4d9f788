from pydantic import BaseModel, root_validator


class Totals(BaseModel):
    items: list
    total: int = 0

    @root_validator
    def compute(cls, values):
        values["total"] = sum(values.get("items", []))
        return values

    @root_validator(pre=False)
    def keys(cls, values):
        return {k: v for k, v in values.items()}
