from sqlmodel import Field, SQLModel


class Hero(SQLModel, table=True):
    id: int = Field(default=None, primary_key=True)
    name: str = Field(index=True, regex=r"^(?!\s*$).+")
    alias: str = Field("", regex=r"^[a-z]+$", schema_extra={"examples": ["x"]})
    twin: str = Field("", regex=r"(\w)\1", schema_extra={"examples": ["aa"]})
