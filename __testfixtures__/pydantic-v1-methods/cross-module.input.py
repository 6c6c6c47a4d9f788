from app.schemas import UserCreate, UserRead


def create(user_in: UserCreate, db) -> UserRead:
    row = db.add(**user_in.dict())
    return UserRead.from_orm(row)
