from typing import Any

from pydantic_core import core_schema


class Slug(str):
    @classmethod
    def __get_pydantic_core_schema__(cls, source_type: Any, handler: Any) -> Any:
        return core_schema.no_info_after_validator_function(cls, handler(str))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> Any:
        json_schema = handler(schema)
        json_schema.update(pattern="^[a-z-]+$")
        return json_schema


class Compat(str):
    """Works with Pydantic v1 and v2: v2 ignores the v1 hooks when the v2 ones exist."""

    @classmethod
    def __get_validators__(cls):
        yield cls

    @classmethod
    def __get_pydantic_core_schema__(cls, source_type: Any, handler: Any) -> Any:
        return core_schema.no_info_after_validator_function(cls, handler(str))

    @classmethod
    def __modify_schema__(cls, field_schema):
        field_schema.update(format="compat")

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> Any:
        json_schema = handler(schema)
        json_schema.update(format="compat")
        return json_schema


def __get_validators__():
    """A module-level function of that name is no hook."""
    return []
