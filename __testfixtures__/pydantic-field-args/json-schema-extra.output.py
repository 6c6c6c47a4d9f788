from pydantic import BaseModel, Field


class Product(BaseModel):
    unit: str = Field("kg", description="Unit", json_schema_extra={"ui_widget": "select", "order": 2})
    weight: float = Field(0, json_schema_extra={"group": "physical", "ui_hidden": True})
    colour: str = Field(
        "red",
        json_schema_extra={
            "group": "looks",
            "ui_widget": "colour",
        },
    )
    size: int = Field(
        1,
        json_schema_extra={"ui_widget": "slider", "step": 1},
        ge=1,
    )
    kind: str = Field("x", json_schema_extra=make_extra(), ui_widget="radio")
    label: str = Field("x", json_schema_extra={"ui_widget": "a"}, ui_widget="b")
    nested: dict = Field({}, ui_widget="json", **common)
