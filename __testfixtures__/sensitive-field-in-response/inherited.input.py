from typing import Optional

from fastapi import FastAPI
from pydantic import BaseModel, Field

app = FastAPI()


class UserBase(BaseModel):
    email: str
    is_active: bool = True


class UserInDB(UserBase):
    id: int
    hashed_password: str
    otp_secret: Optional[str] = None


class UserAdminView(UserInDB):
    last_login_ip: Optional[str] = None


class UserPublic(UserBase):
    id: int


class UserSafe(UserInDB):
    # Redeclared: the subclass leaves them out of what it serialises.
    hashed_password: str = Field(exclude=True)
    otp_secret: Optional[str] = Field(default=None, exclude=True)


@app.get("/admin/users/{user_id}", response_model=UserAdminView)
def admin_read_user(user_id: int):
    ...


@app.get("/users/{user_id}", response_model=UserPublic)
def read_user(user_id: int):
    ...


@app.get("/users/{user_id}/safe", response_model=UserSafe)
def read_user_safe(user_id: int):
    ...


@app.get("/users/{user_id}/trimmed", response_model=UserInDB, response_model_exclude={"hashed_password", "otp_secret"})
def read_user_trimmed(user_id: int):
    ...


@app.get("/users/{user_id}/partial", response_model=UserInDB, response_model_include={"id", "email", "otp_secret"})
def read_user_partial(user_id: int):
    ...
