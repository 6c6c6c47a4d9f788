from app.schemas import UserCreate, UserRead


def create(user_in: UserCreate, db) -> UserRead:
    row = db.add(**user_in.model_dump())
    return UserRead.model_validate(row)
