from pydantic import BaseModel, ConfigDict


class Row(BaseModel):
    model_config = ConfigDict(from_attributes=True, title="Row")
