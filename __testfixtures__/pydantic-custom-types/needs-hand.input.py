from pydantic_core import core_schema


class Early(str):
    @classmethod
    def __get_pydantic_core_schema__(cls, source_type, handler):
        return core_schema.no_info_after_validator_function(cls, handler(str))

    @classmethod
    def __modify_schema__(cls, field_schema):
        if field_schema.get("type") != "string":
            return
        field_schema["format"] = "early"


class WithField(str):
    @classmethod
    def __get_pydantic_core_schema__(cls, source_type, handler):
        return core_schema.no_info_after_validator_function(cls, handler(str))

    @classmethod
    def __modify_schema__(cls, field_schema, field):
        field_schema["title"] = field.name


class Static(str):
    @classmethod
    def __get_pydantic_core_schema__(cls, source_type, handler):
        return core_schema.no_info_after_validator_function(cls, handler(str))

    @staticmethod
    def __modify_schema__(field_schema):
        field_schema["format"] = "static"


class UsesHandler(str):
    @classmethod
    def __get_pydantic_core_schema__(cls, source_type, handler):
        return core_schema.no_info_after_validator_function(cls, handler(str))

    @classmethod
    def __modify_schema__(cls, field_schema):
        field_schema["examples"] = [core_schema.__name__]
