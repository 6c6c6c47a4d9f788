from pydantic import BaseModel, ConfigDict


class Legacy(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        smart_union=True,  # TODO(fastapi-fix): 'smart_union' was removed in Pydantic v2
        underscore_attrs_are_private=True,  # TODO(fastapi-fix): 'underscore_attrs_are_private' was removed in Pydantic v2
        json_encoders={bytes: lambda b: b.hex()},
    )
