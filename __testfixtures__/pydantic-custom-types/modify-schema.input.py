from typing import Any

from pydantic import BaseModel
from pydantic_core import core_schema


class Slug(str):
    """A lower-case identifier."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source_type: Any, handler: Any) -> Any:
        return core_schema.no_info_after_validator_function(cls, handler(str))

    @classmethod
    def __modify_schema__(cls, field_schema: dict[str, Any]) -> None:
        """Document the pattern."""
        # shown in the OpenAPI document
        field_schema.update(pattern="^[a-z-]+$", examples=["a-slug"])


class PostalCode(str):
    @classmethod
    def __get_pydantic_core_schema__(cls, source_type, handler):
        return core_schema.no_info_after_validator_function(cls, handler(str))

    @classmethod
    def __modify_schema__(cls, schema):
        if "format" not in schema:
            schema["format"] = "postal-code"


class Article(BaseModel):
    slug: Slug
    postal_code: PostalCode
