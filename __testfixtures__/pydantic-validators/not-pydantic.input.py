from myvalidation import validator, root_validator


class Thing:
    @validator("x")
    def check(cls, v):
        return v

    @root_validator
    def whole(cls, values):
        return values
