from pydantic import BaseModel, ConfigDict


class VeryLongModelNameForTesting(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
        arbitrary_types_allowed=True,
        use_enum_values=True,
    )
