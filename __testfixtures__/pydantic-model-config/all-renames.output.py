from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    name: str

    model_config = ConfigDict(
        populate_by_name=True,
        str_to_lower=True,
        str_strip_whitespace=True,
        str_to_upper=False,
        ignored_types=(property,),
        str_max_length=100,
        str_min_length=1,
        from_attributes=True,
        json_schema_extra={"example": {"name": "x"}},
        validate_default=True,
        validate_assignment=True,
        arbitrary_types_allowed=True,
    )
