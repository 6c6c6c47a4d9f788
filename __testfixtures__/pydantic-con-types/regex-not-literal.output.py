from pydantic import BaseModel, StringConstraints
from typing import Annotated

EMAIL = r"[^@]+@[^@]+"


class Contact(BaseModel):
    email: Annotated[str, StringConstraints(pattern=EMAIL)]
    phone: Annotated[str, StringConstraints(pattern=f"{EMAIL}")]
    code: Annotated[str, StringConstraints(pattern="(?i)^abc")]
    zip_code: Annotated[str, StringConstraints(pattern=r"\A\d{5}")]
    label: Annotated[str, StringConstraints(pattern="^(?:^" "[a-z]" "+|x)")]
