from pydantic import BaseModel, Field


class Named(BaseModel):
    first: str = Field(..., pattern=r"^(?!\s*$).+")
    code: str = Field(..., pattern=r"^[A-Z]+$")
