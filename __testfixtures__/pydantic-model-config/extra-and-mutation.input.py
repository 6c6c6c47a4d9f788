from pydantic import BaseModel, Extra


class Frozen(BaseModel):
    class Config:
        extra = Extra.forbid
        allow_mutation = False


class Mutable(BaseModel):
    class Config:
        extra = Extra.allow
        allow_mutation = True


class Computed(BaseModel):
    class Config:
        allow_mutation = READ_ONLY is False
