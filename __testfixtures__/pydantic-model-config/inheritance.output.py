from pydantic import BaseModel, ConfigDict


class Root(BaseModel):
    pass


class Middle(Root):
    pass


class Leaf(Middle):
    model_config = ConfigDict(from_attributes=True)


class Sibling(Leaf):
    model_config = ConfigDict(str_strip_whitespace=True, frozen=True)
