from pydantic import BaseModel


class VeryLongModelNameForTesting(BaseModel):
    class Config:
        allow_population_by_field_name = True
        arbitrary_types_allowed = True
        use_enum_values = True
