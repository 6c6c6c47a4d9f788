from pydantic import BaseModel


class UserCreate(BaseModel):
    name: str


class UserRegister(BaseModel):
    name: str
    password: str


class Row:
    def dict(self, skip_defaults=False):
        return {}


def create(user_in: (UserRegister | UserCreate), row: Row, patch: UserCreate):
    data = user_in.dict(exclude={"password"})
    changes = patch.dict(skip_defaults=True)
    both = patch.dict(skip_defaults=True, exclude_unset=True)
    return data, changes, both, row.dict(skip_defaults=True)
