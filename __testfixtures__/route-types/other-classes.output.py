# Handlers that return ORM rows or other classes get no `-> X` that would misstate them.
from typing import Annotated, List, Optional

from fastapi import APIRouter, Depends
from pydantic import BaseModel
from sqlalchemy.orm import Session

from app import crud, models, schemas
from app.api import deps

router = APIRouter()


# Left alone: the value is provably of another class than the response model.
@router.get("/me", response_model=schemas.User)
def read_user_me(current_user: models.User = Depends(deps.get_current_user)):
    return current_user


@router.get("/me/untyped", response_model=schemas.User)
def read_user_me_untyped(current_user=Depends(deps.get_current_user)):
    return current_user


@router.get("/me/annotated", response_model=schemas.User)
def read_user_me_annotated(
    current_user: Annotated[models.User, Depends(deps.get_current_user)],
):
    return current_user


CurrentUser = Annotated[models.User, Depends(deps.get_current_user)]


@router.get("/me/alias", response_model=schemas.User)
def read_user_me_alias(current_user: CurrentUser):
    return current_user


@router.get("/users/{user_id}", response_model=schemas.User)
def read_user(user_id: int, db: Session = Depends(deps.get_db)):
    user = crud.get_user(db, user_id)
    return user


@router.post("/users", response_model=schemas.User)
def create_user(user_in: schemas.UserCreate, db: Session = Depends(deps.get_db)):
    return models.User(email=user_in.email)


@router.get("/users/by-email/{email}", response_model=schemas.User)
def read_by_email(email: str, db: Session = Depends(deps.get_db)):
    user: models.User = db.query(models.User).filter_by(email=email).one()
    return user


@router.get("/names/{name}", response_model=schemas.User)
def echo_name(name: str):
    return name


@router.get("/session", response_model=schemas.User)
def session(db: Session = Depends(deps.get_db)):
    return db


@router.get("/users", response_model=List[schemas.User])
def list_users(users: List[models.User] = Depends(deps.get_users)):
    return users


@router.get("/one-as-list", response_model=schemas.User)
def one_as_list():
    return [schemas.User(id=1)]


class Internal(BaseModel):
    id: int


@router.get("/internal", response_model=schemas.User)
def internal():
    return Internal(id=1)


# Annotated: the value is of the model's class, a subclass of it, or not known.
@router.get("/users/{user_id}/schema", response_model=schemas.User)
def read_user_schema(user_id: int) -> schemas.User:
    return schemas.User(id=user_id)


@router.put("/users/{user_id}", response_model=schemas.User)
def replace_user(user_id: int, user: schemas.User) -> schemas.User:
    return user


@router.get("/profile", response_model=schemas.User)
def profile(current: schemas.User = Depends(deps.get_current_schema)) -> schemas.User:
    return current


@router.get("/unknown/{user_id}", response_model=schemas.User)
def unknown(user_id: int) -> schemas.User:
    return crud.load(user_id)


class UserOut(schemas.User):
    extra: str = ""


@router.get("/out", response_model=schemas.User)
def out() -> schemas.User:
    return UserOut(id=1)


@router.get("/in-db", response_model=schemas.User)
def in_db(user: schemas.UserInDB) -> schemas.User:
    return user


@router.get("/maybe", response_model=Optional[schemas.User])
def maybe(user: schemas.User) -> Optional[schemas.User]:
    return user


@router.get("/all", response_model=List[schemas.User])
def every_user() -> List[schemas.User]:
    return [schemas.User(id=1)]
