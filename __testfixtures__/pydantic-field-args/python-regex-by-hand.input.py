from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

# Only Rust reads \p{L}: Pydantic v2 takes it as it is.
Letters = Annotated[str, StringConstraints(pattern=r"^\p{L}+$")]
# Neither engine reads these: look-behind of variable width, look-ahead next to \p{L}.
Tail = Annotated[str, StringConstraints(pattern=r"(?<=a+)b")]


class Named(BaseModel):
    first: str = Field(..., pattern=r"^(?!\s)\p{L}+$")
    last: str = Field(..., pattern=r"^(a)\2")
