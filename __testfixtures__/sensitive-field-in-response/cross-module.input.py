from fastapi import APIRouter

from app.schemas import UserBase, UserWithPassword

router = APIRouter()


class UserInDB(UserBase):
    id: int
    hashed_password: str


class UserPublic(UserBase):
    id: int


@router.get("/users/{user_id}/db", response_model=UserInDB)
async def read_user_db(user_id: int):
    ...


# UserPublic's base (another module) declares `password`: fields of classes in other modules are
# out of sight, so this route is not reported.
@router.get("/users/{user_id}", response_model=UserPublic)
async def read_user(user_id: int):
    ...


# Likewise for a response model imported from another module.
@router.get("/users/{user_id}/full", response_model=UserWithPassword)
async def read_user_full(user_id: int):
    ...
