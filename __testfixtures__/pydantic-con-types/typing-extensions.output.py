from typing_extensions import Literal, Annotated

from pydantic import BaseModel, StringConstraints


class Flag(BaseModel):
    name: Annotated[str, StringConstraints(max_length=10)]
    mode: Literal["a", "b"] = "a"
