from pydantic import BaseModel, ConfigDict


class Tabbed(BaseModel):
	name: str

	model_config = ConfigDict(
		from_attributes=True,
		json_schema_extra={
			"example": {"name": "x"},
		},
	)
