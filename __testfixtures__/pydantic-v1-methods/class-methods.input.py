from pydantic import BaseModel


class User(BaseModel):
    id: int
    name: str

    class Config:
        orm_mode = True


class Plain(BaseModel):
    id: int


def load(row, raw: str, data: dict):
    a = User.from_orm(row)
    b = Plain.from_orm(row)
    c = User.parse_raw(raw)
    d = User.parse_obj(data)
    e = User.construct(id=1, name="x")
    f = User.schema()
    g = User.schema(by_alias=False)
    User.update_forward_refs()
    h = User.validate(data)
    return a, b, c, d, e, f, g, h
