import pydantic


class Tag(pydantic.BaseModel):
    label: str

    @pydantic.validator("label")
    @classmethod
    def lower(cls, v):
        return v.lower()
