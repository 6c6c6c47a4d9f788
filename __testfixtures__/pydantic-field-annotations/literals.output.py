from enum import Enum

from pydantic import BaseModel, Field

DEFAULT_STOCK = 100


class Status(str, Enum):
    ACTIVE = "active"
    ARCHIVED = "archived"


class Product(BaseModel):
    name: str
    is_sale: bool = True
    price: float = 9.99
    stock: int = 0
    discount: int = -5
    sku: str = "A-1"
    raw: bytes = b"\x00"
    label: str = "long " "name"
    tags: list[str] = ["new", "hot"]
    sizes: set[int] = {1, 2}
    dims: tuple[float, ...] = (1.0, 2.0)
    scores: dict[str, int] = {"a": 1, "b": 2}
    matrix: list[list[int]] = [[1, 2], [3]]
    mixed: list = [1, "a"]
    empty: list = []
    options: dict = {}
    status: Status = Status.ACTIVE
    active: bool = Field(default=True)
    rank: int = Field(1, description="position")
    parsed: int = int("3")
    capacity: int = DEFAULT_STOCK
