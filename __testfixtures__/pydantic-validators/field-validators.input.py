from pydantic import BaseModel, validator


class Event(BaseModel):
    name: str
    start: int
    end: int

    @validator("name")
    def strip_name(cls, v):
        return v.strip()

    @validator("start", "end", pre=True, allow_reuse=True)
    def parse_ints(cls, v):
        return int(v)

    @validator("end")
    def end_after_start(cls, v, values):
        if "start" in values and v < values["start"]:
            raise ValueError("end before start")
        return v

    @validator("name", pre=False, check_fields=False)
    def named(cls, value, values, field):
        if values.get("start") == 0:
            return f"{field.name}:{value}"
        return value
