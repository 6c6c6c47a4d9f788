from pydantic import BaseModel, validator


class Form(BaseModel):
    tags: list
    code: str = "x"

    @validator("tags", each_item=True)
    def tag_ok(cls, v):
        return v

    @validator("code", always=True)
    def code_default(cls, v):
        return v or "default"

    @validator("code")
    def code_field(cls, v, field):
        return field.type_(v)
