"""Request and response bodies."""
from typing import List, Optional

from pydantic import BaseModel, Extra, Field, constr, root_validator, validator

from .models_base import APIModel, RecordModel


class ItemCreate(APIModel):
    name: str = Field(..., min_length=1, max_length=100)
    sku: Optional[str] = Field(None, regex=r"^[A-Z]{3}-\d{4}$")
    description: Optional[str] = Field(None, max_length=500)
    price: float = Field(..., gt=0)
    sale_price: Optional[float] = Field(None, gt=0)

    class Config:
        extra = Extra.forbid
        schema_extra = {
            "example": {"name": "Hammer", "description": "Steel claw hammer", "price": 12.5}
        }

    @root_validator(pre=True)
    def accept_legacy_cost(cls, values):
        """Clients written for API 1.0 send the price as `cost`: read it as `price`."""
        if "cost" in values and "price" not in values:
            values = dict(values)
            values["price"] = values.pop("cost")
        return values

    @validator("name")
    def collapse_spaces(cls, v):
        """`Claw   hammer` and `Claw hammer` are one name."""
        return " ".join(v.split())

    @validator("sku", pre=True)
    def upper_case_sku(cls, v):
        """Runs before the pattern check, so `abc-1234` is accepted and stored as `ABC-1234`."""
        return v.upper() if isinstance(v, str) else v

    @validator("sale_price")
    def sale_below_price(cls, v, values):
        """Reads the price through `values`: fields are validated in order, price first."""
        if v is not None and "price" in values and v >= values["price"]:
            raise ValueError("sale_price must be lower than price")
        return v


class ItemBatch(BaseModel):
    """The body of a bulk import: a plain JSON array of items (a custom root type)."""

    __root__: List[ItemCreate] = Field(..., min_items=1, max_items=100)


class ItemUpdate(APIModel):
    name: Optional[str] = Field(None, min_length=1, max_length=100)
    description: Optional[str] = Field(None, max_length=500)
    price: Optional[float] = Field(None, gt=0)
    sale_price: Optional[float] = Field(None, gt=0)

    class Config:
        extra = Extra.forbid

    @validator("name", "price", pre=True)
    def not_null(cls, v, field):
        """`null` clears description or sale_price; name and price cannot be cleared."""
        if v is None:
            raise ValueError(f"{field.name} may not be null")
        return v


class ItemOut(RecordModel):
    name: str
    # Optional without a default: Pydantic 1 makes these default to None.
    sku: Optional[str]
    description: Optional[str]
    price: float
    sale_price: Optional[float]
    owner_id: Optional[int]

    class Config:
        schema_extra = {
            "example": {
                "id": 1,
                "created_at": "2023-06-30T12:00:00",
                "name": "Hammer",
                "sku": "HAM-0001",
                "description": "Steel claw hammer",
                "price": 12.5,
                "sale_price": None,
                "owner_id": None,
            }
        }


class ItemSummary(APIModel):
    """An item as events describe it; read from the ORM row."""

    id: int
    name: str
    price: float

    class Config:
        orm_mode = True


class ItemEvent(APIModel):
    """A message for the broker."""

    type: str
    item: ItemSummary
    channel: str
    message: Optional[str]


class UpstreamPrice(BaseModel):
    """What the pricing service answers. It leaves `discount` out when there is none."""

    unit_price: float
    currency: str
    discount: Optional[float]  # a fraction: 0.1 is 10 % off


class Quote(APIModel):
    item_id: int
    quantity: int
    currency: str
    total: float


class UserCreate(APIModel):
    username: constr(strip_whitespace=True, to_lower=True, min_length=3, max_length=50)
    full_name: str = Field(..., alias="fullName", min_length=1, max_length=100)

    class Config:
        extra = Extra.forbid
        schema_extra = {"example": {"username": "ada", "fullName": "Ada Lovelace"}}


class UserOut(RecordModel):
    username: str
    full_name: str = Field(..., alias="fullName")
    items: List[ItemOut] = []


class NotifyRequest(APIModel):
    channel: str = Field("email", max_length=20)
    message: Optional[str] = Field(None, max_length=200)


class OrderLineIn(APIModel):
    item_id: int
    quantity: int = Field(1, gt=0, le=1000)


class OrderCreate(APIModel):
    customer_id: int
    lines: List[OrderLineIn] = Field(..., min_items=1, max_items=50)
    note: Optional[str] = Field(None, max_length=200)
    coupon: Optional[str] = Field(None, regex=r"^[A-Z0-9]{6}$")

    class Config:
        extra = Extra.forbid

    @root_validator(skip_on_failure=True)
    def one_line_per_item(cls, values):
        """Only reads validated fields; skip_on_failure: not run when a field already failed."""
        item_ids = [line.item_id for line in values["lines"]]
        if len(item_ids) != len(set(item_ids)):
            raise ValueError("an item may appear only once per order")
        return values


class OrderLineOut(APIModel):
    item_id: int
    quantity: int
    unit_price: float

    class Config:
        orm_mode = True


class OrderOut(RecordModel):
    customer_id: int
    note: Optional[str]
    coupon: Optional[str]
    lines: List[OrderLineOut]
    total: float


class ServiceInfo(APIModel):
    """What /info reports; handed around as a value, so it must not change after creation."""

    name: str
    version: str

    class Config:
        allow_mutation = False
