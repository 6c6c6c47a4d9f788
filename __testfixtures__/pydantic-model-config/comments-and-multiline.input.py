from pydantic import BaseModel


class Item(BaseModel):
    name: str

    class Config:  # settings for the API schema
        # accept both names
        allow_population_by_field_name = True  # used by the admin UI
        schema_extra = {
            "example": {
                "name": "Widget",  # shown in /docs
            }
        }
        # trailing note
