# POST routes that plainly create: a collection path, and model instances returned.
from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app import crud, models, schemas
from app.api.deps import get_db
from app.routers import tags

router = APIRouter(prefix="/items")


# An ORM row built, stored and returned through the response model.
@router.post("", response_model=schemas.Item)
def create_item(item: schemas.ItemCreate, db: Session = Depends(get_db)):
    db_item = models.Item(**item.dict())
    db.add(db_item)
    db.commit()
    db.refresh(db_item)
    return db_item


# What a project function returns by its annotation, awaited or not.
@router.post("/{item_id}/comments", response_model=schemas.Comment)
def add_comment(item_id: int, comment: schemas.CommentCreate, db: Session = Depends(get_db)):
    return crud.create_comment(db, item_id, comment)


@router.post("/{item_id}/attachments/", response_model=schemas.Attachment)
async def new_attachment(item_id: int, db: Session = Depends(get_db)):
    attachment = await crud.store_attachment(db, item_id)
    return attachment


# The body the client sent, returned as created (FastAPI's tutorial); an irregular plural.
@router.post("/{item_id}/people")
async def create_person(item_id: int, person: schemas.Person) -> schemas.Person:
    return person


# The root of a router imported with its prefix ("/tags").
@tags.post("/")
def create_tag(tag: schemas.TagCreate) -> schemas.Tag:
    return schemas.Tag.parse_obj(tag)


# Deleting one item, and every comment of one.
@router.delete("/{item_id}")
def delete_item(item_id: int, db: Session = Depends(get_db)):
    """Deletes an item."""
    crud.delete_item(db, item_id)


@router.delete("/{item_id}/comments")
def remove_comments(item_id: int, db: Session = Depends(get_db)) -> None:
    crud.delete_comments(db, item_id)


# Left alone: an ORM row returned with no model to go through.
@router.post("/drafts")
def create_draft(db: Session = Depends(get_db)):
    return models.Item(name="draft")
