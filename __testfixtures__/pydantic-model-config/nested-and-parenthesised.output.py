from pydantic import (
    BaseModel,
    Field,
    ConfigDict,
)


def make_model():
    class Local(BaseModel):
        value: int = Field(0)

        model_config = ConfigDict(validate_assignment=True)

    return Local
