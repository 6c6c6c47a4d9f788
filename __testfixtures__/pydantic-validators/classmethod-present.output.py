import pydantic


class Tag(pydantic.BaseModel):
    label: str

    @pydantic.field_validator("label")
    @classmethod
    def lower(cls, v):
        return v.lower()
