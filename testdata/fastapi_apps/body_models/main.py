"""An order-intake service receiving nested JSON bodies."""

from decimal import Decimal
from typing import Annotated, List, Optional, Union

from fastapi import Body, FastAPI
from pydantic import BaseModel, ConfigDict, Field, HttpUrl

app = FastAPI(title="Order intake")


class Image(BaseModel):
    url: HttpUrl
    name: str


class Address(BaseModel):
    street: str = Field(min_length=1, max_length=100)
    city: str
    postcode: str = Field(pattern=r"^[0-9]{5}$")
    country: str = Field("FR", min_length=2, max_length=2, description="ISO 3166 alpha-2")


class Customer(BaseModel):
    name: str
    email: str = Field(max_length=80, examples=["ann@example.com"])
    age: Optional[int] = Field(default=None, ge=18, lt=130)
    addresses: List[Address] = []


class Line(BaseModel):
    sku: str = Field(min_length=3, max_length=12, pattern="^[A-Z0-9-]+$")
    quantity: int = Field(gt=0, le=100)
    unit_price: Decimal = Field(max_digits=8, decimal_places=2, ge=0)
    discount: float = Field(0.0, ge=0, le=0.5, multiple_of=0.05)
    gift_wrap: bool = False
    images: Optional[List[Image]] = None


class Order(BaseModel):
    customer: Customer
    lines: List[Line] = Field(min_length=1, max_length=5)
    note: Union[str, None] = None
    tags: set[str] = set()
    priority: int = 3

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "customer": {"name": "Ann", "email": "ann@example.com"},
                    "lines": [{"sku": "BOOK-1", "quantity": 2, "unit_price": "12.50"}],
                }
            ]
        }
    }


class StrictItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    price: float = Field(gt=0)
    tax: Optional[float] = None


class Item(BaseModel):
    name: str
    description: Optional[str] = Field(default=None, title="The description", max_length=300)
    price: float = Field(gt=0, description="The price must be greater than zero")
    tax: Union[float, None] = None


@app.post("/items")
async def create_item(item: Item):
    data = item.model_dump()
    if item.tax is not None:
        data["price_with_tax"] = item.price + item.tax
    return data


@app.put("/items/{item_id}")
async def replace_item(item_id: int, item: Item, q: Union[str, None] = None):
    result = {"item_id": item_id, **item.model_dump()}
    if q:
        result["q"] = q
    return result


@app.post("/strict-items", status_code=201)
def create_strict_item(item: StrictItem):
    return item


@app.post("/orders")
def create_order(order: Order):
    total = sum((line.unit_price * line.quantity for line in order.lines), Decimal("0"))
    return {
        "customer": order.customer.name,
        "line_count": len(order.lines),
        "total": str(total),
        "tags": sorted(order.tags),
        "order": order,
    }


@app.post("/addresses/validate")
def validate_addresses(addresses: List[Address]):
    return {"count": len(addresses), "cities": [a.city for a in addresses]}


@app.post("/images/multiple")
def upload_images(images: list[Image]):
    return images


@app.post("/weights")
def register_weights(weights: dict[int, float]):
    return {"sum": sum(weights.values()), "keys": sorted(weights)}


@app.post("/examples")
def with_examples(
    item: Annotated[
        Item,
        Body(
            openapi_examples={
                "normal": {
                    "summary": "A normal example",
                    "description": "A **normal** item works correctly.",
                    "value": {"name": "Foo", "description": "A very nice Item", "price": 35.4, "tax": 3.2},
                },
                "invalid": {"summary": "Invalid data is rejected", "value": {"name": "Baz", "price": "thirty five"}},
            }
        ),
    ],
):
    return item
