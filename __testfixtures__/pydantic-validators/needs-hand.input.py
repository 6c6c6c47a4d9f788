from pydantic import BaseModel, validator

from app.base import Named


class Form(Named):
    tags: list
    code: str = "x"

    @validator("tags", each_item=True)
    def tag_ok(cls, v):
        return v

    @validator("name", always=True)
    def name_default(cls, v):
        return v or "default"

    @validator("code")
    def code_field(cls, v, field):
        return field.type_(v)

    @validator("code")
    def code_config(cls, v, config):
        return v if config.anystr_strip_whitespace else v.strip()

    @validator("code")
    def code_self(self, v):
        return v
