from pydantic import BaseModel, ConfigDict


class Root(BaseModel):
    pass


class Middle(Root):
    pass


class Leaf(Middle):
    class Config:
        orm_mode = True


class Sibling(Leaf):
    class Config:
        anystr_strip_whitespace = True
        frozen = True
