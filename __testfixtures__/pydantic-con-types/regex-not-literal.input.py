from pydantic import BaseModel, constr

EMAIL = r"[^@]+@[^@]+"


class Contact(BaseModel):
    email: constr(regex=EMAIL)
    phone: constr(regex=f"{EMAIL}")
    code: constr(regex="(?i)abc")
    zip_code: constr(regex=r"\A\d{5}")
    label: constr(regex="^" "[a-z]" "+|x")
