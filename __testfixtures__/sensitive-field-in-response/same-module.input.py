from datetime import datetime
from typing import List, Optional

from fastapi import APIRouter, Depends
from pydantic import BaseModel, EmailStr

from app.deps import get_current_user, get_db

router = APIRouter(prefix="/users", tags=["users"])


class UserOut(BaseModel):
    id: int
    email: EmailStr
    full_name: Optional[str] = None
    hashed_password: str
    created_at: datetime


class ServiceAccountOut(BaseModel):
    id: int
    name: str
    clientSecret: str
    apiKey: str


@router.get("/{user_id}", response_model=UserOut)
async def read_user(user_id: int, db=Depends(get_db)):
    return await db.get_user(user_id)


@router.get("/", response_model=List[UserOut])
async def list_users(db=Depends(get_db)):
    return await db.list_users()


@router.get("/me")
async def read_me(user=Depends(get_current_user)) -> Optional[UserOut]:
    return user


@router.post("/service-accounts", status_code=201)
async def create_service_account(name: str, db=Depends(get_db)) -> ServiceAccountOut | None:
    return await db.create_service_account(name)
