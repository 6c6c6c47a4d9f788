from pydantic import BaseModel


class User(BaseModel):
    id: int
    name: str

    class Config:
        orm_mode = True


class Plain(BaseModel):
    id: int


def load(row, raw: str, data: dict):
    a = User.model_validate(row)
    b = Plain.model_validate(row, from_attributes=True)
    c = User.model_validate_json(raw)
    d = User.model_validate(data)
    e = User.model_construct(id=1, name="x")
    f = User.model_json_schema()
    g = User.model_json_schema(by_alias=False)
    User.model_rebuild()
    h = User.model_validate(data)
    return a, b, c, d, e, f, g, h
