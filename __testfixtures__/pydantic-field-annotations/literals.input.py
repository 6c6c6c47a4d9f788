from enum import Enum

from pydantic import BaseModel, Field

DEFAULT_STOCK = 100


class Status(str, Enum):
    ACTIVE = "active"
    ARCHIVED = "archived"


class Product(BaseModel):
    name: str
    is_sale = True
    price = 9.99
    stock = 0
    discount = -5
    sku = "A-1"
    raw = b"\x00"
    label = "long " "name"
    tags = ["new", "hot"]
    sizes = {1, 2}
    dims = (1.0, 2.0)
    scores = {"a": 1, "b": 2}
    matrix = [[1, 2], [3]]
    mixed = [1, "a"]
    empty = []
    options = {}
    status = Status.ACTIVE
    active = Field(default=True)
    rank = Field(1, description="position")
    parsed = int("3")
    capacity = DEFAULT_STOCK
