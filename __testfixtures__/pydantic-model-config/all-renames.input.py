from pydantic import BaseModel


class Strict(BaseModel):
    name: str

    class Config:
        allow_population_by_field_name = True
        anystr_lower = True
        anystr_strip_whitespace = True
        anystr_upper = False
        keep_untouched = (property,)
        max_anystr_length = 100
        min_anystr_length = 1
        orm_mode = True
        schema_extra = {"example": {"name": "x"}}
        validate_all = True
        validate_assignment = True
        arbitrary_types_allowed = True
