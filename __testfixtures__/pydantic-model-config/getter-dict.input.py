from pydantic import BaseModel, Field
from pydantic.utils import GetterDict


class GroupGetterDict(GetterDict):
    def get(self, key, default=None):
        value = super().get(key, default)
        return value.name if key == "group" else value


class User(BaseModel):
    username: str
    group: str
    full_name: str = Field("", alias="fullName")

    class Config:
        orm_mode = True
        # read the group's name
        getter_dict = GroupGetterDict  # by name


class Admin(User):
    pass
