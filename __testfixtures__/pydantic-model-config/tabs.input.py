from pydantic import BaseModel


class Tabbed(BaseModel):
	name: str

	class Config:
		orm_mode = True
		schema_extra = {
			"example": {"name": "x"},
		}
