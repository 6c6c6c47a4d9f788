from fastapi import APIRouter, FastAPI

from .schemas import Item, ItemIn, User

app = FastAPI()
router = APIRouter(prefix="/items")


@router.post("/", response_model=Item)
async def create_item(item: ItemIn):
    return Item(**item.model_dump())


@router.post(
    "/{item_id}/tags",
    response_model=Item,
    tags=["items"],
)
def add_tag(item_id: int, tag: str):
    return Item(id=item_id, tags=[tag])


@router.delete("/{item_id}")
async def delete_item(item_id: int) -> None:
    if item_id < 0:
        return
    await repo.delete(item_id)
    return None


@app.api_route("/users", methods=["POST"])
def new_user():
    return User(id=1)


def drop_user(user_id: int):
    repo.drop(user_id)


app.add_api_route("/users/{user_id}", drop_user, methods=["DELETE"])
