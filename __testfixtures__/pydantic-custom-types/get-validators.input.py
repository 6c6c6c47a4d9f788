import re

from pydantic import BaseModel


class PhoneNumber(str):
    pattern = re.compile(r"^\+[0-9]{6,15}$")

    @classmethod
    def __get_validators__(cls):
        yield cls.validate

    @classmethod
    def validate(cls, value):
        if not isinstance(value, str) or not cls.pattern.match(value):
            raise ValueError("invalid phone number")
        return cls(value)

    @classmethod
    def __modify_schema__(cls, field_schema):
        field_schema.update(pattern=cls.pattern.pattern)


class Contact(BaseModel):
    phone: PhoneNumber
