from pydantic import (
    BaseModel,
    Field,
)


def make_model():
    class Local(BaseModel):
        value: int = Field(0)

        class Config:
            validate_assignment = True

    return Local
