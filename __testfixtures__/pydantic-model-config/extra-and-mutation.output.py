from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Mutable(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=False)


class Computed(BaseModel):
    model_config = ConfigDict(frozen=not (READ_ONLY is False))
