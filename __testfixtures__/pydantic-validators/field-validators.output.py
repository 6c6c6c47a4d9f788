from pydantic import BaseModel, field_validator, ValidationInfo


class Event(BaseModel):
    name: str
    start: int
    end: int

    @field_validator("name")
    @classmethod
    def strip_name(cls, v):
        return v.strip()

    @field_validator("start", "end", mode="before")
    @classmethod
    def parse_ints(cls, v):
        return int(v)

    @field_validator("end")
    @classmethod
    def end_after_start(cls, v, info: ValidationInfo):
        if "start" in info.data and v < info.data["start"]:
            raise ValueError("end before start")
        return v

    @field_validator("name", check_fields=False)
    @classmethod
    def named(cls, value, info: ValidationInfo):
        if info.data.get("start") == 0:
            return f"{info.field_name}:{value}"
        return value
