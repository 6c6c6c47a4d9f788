from pydantic import BaseModel, ConfigDict


class Item(BaseModel):
    name: str

    model_config = ConfigDict(
        # settings for the API schema
        # accept both names
        populate_by_name=True,  # used by the admin UI
        json_schema_extra={
            "example": {
                "name": "Widget",  # shown in /docs
            }
        },
        # trailing note
    )
