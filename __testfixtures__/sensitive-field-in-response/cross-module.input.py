from fastapi import APIRouter

from app import schemas
from app.schemas import Token, UserBase, UserHidden, UserMasked, UserWithPassword

router = APIRouter()


class UserInDB(UserBase):
    id: int
    hashed_password: str


class UserPublic(UserBase):
    id: int


@router.get("/users/{user_id}/db", response_model=UserInDB)
async def read_user_db(user_id: int):
    ...


# UserPublic's base (another module) declares `password`: inherited across modules.
@router.get("/users/{user_id}", response_model=UserPublic)
async def read_user(user_id: int):
    ...


# A response model imported from another module.
@router.get("/users/{user_id}/full", response_model=UserWithPassword)
async def read_user_full(user_id: int):
    ...


# Nested, through a module attribute: Profile.owner is a UserWithPassword.
@router.get("/profiles/{profile_id}", response_model=list[schemas.Profile])
async def read_profiles(profile_id: int):
    ...


# Left alone: a masked field, an excluded one, a token response.
@router.get("/users/{user_id}/masked", response_model=UserMasked)
async def read_user_masked(user_id: int):
    ...


@router.get("/users/{user_id}/hidden", response_model=UserHidden)
async def read_user_hidden(user_id: int):
    ...


@router.post("/token", response_model=Token)
async def login():
    ...
