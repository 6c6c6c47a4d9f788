from pydantic import BaseModel, Field, ConfigDict, model_validator
from pydantic.utils import GetterDict
from typing import Any


class GroupGetterDict(GetterDict):
    def get(self, key, default=None):
        value = super().get(key, default)
        return value.name if key == "group" else value


class User(BaseModel):
    username: str
    group: str
    full_name: str = Field("", alias="fullName")

    model_config = ConfigDict(from_attributes=True)

    # read the group's name
    # by name
    @model_validator(mode="before")
    @classmethod
    def read_with_getter_dict(cls, data: Any) -> Any:
        if isinstance(data, (dict, cls)):
            return data
        getter, missing, values = GroupGetterDict(data), object(), {}
        for name, field in cls.model_fields.items():
            for key in filter(None, (field.alias, name)):
                found = getter.get(key, missing)
                if found is not missing:
                    values[field.alias or name] = found
                    break
        return values


class Admin(User):
    pass
