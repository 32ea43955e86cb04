from decimal import Decimal
from enum import Enum, IntEnum
from typing import Annotated, Generic, Literal, Optional, TypeVar, Union
from fastapi import FastAPI, Query, Header, Body
from pydantic import BaseModel, Field, computed_field, ConfigDict

T = TypeVar("T")

class Kind(str, Enum):
    """Kinds of things."""
    a = "a"
    b = "b"

class Level(IntEnum):
    low = 1
    high = 2

class Price(BaseModel):
    amount: Decimal = Field(max_digits=6, decimal_places=2)
    currency: str = "EUR"

class Item(BaseModel):
    """An item.\f hidden"""
    model_config = ConfigDict(title="ItemTitle")
    name: str = Field(alias="itemName", serialization_alias="item_name", examples=["x"], deprecated=True)
    price: Price
    kind: Kind = Kind.a
    level: Level = Level.high
    tags: frozenset[str] = frozenset({"b", "a"})
    pair: tuple[int, str] = (1, "x")
    extra: dict[Kind, int] = {}
    lit: Literal["x", 1] = "x"
    secret: str = Field("s", exclude=True)

    @computed_field
    @property
    def total(self) -> Decimal:
        return self.price.amount

class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = 0

app = FastAPI()

@app.post("/items", response_model=Page[Item])
def create(item: Item, q: Annotated[Optional[list[str]], Query(alias="qq", description="d")] = None,
           x_custom: Annotated[str, Header(convert_underscores=False)] = "h",
           y_val: Annotated[str, Header(alias="Y-Val")] = "y"):
    ...

@app.get("/pages", response_model=Page[int])
def pages(level: Level = Level.low, kind: Optional[Kind] = None): ...

@app.put("/prices/{pid}")
def put_price(pid: int, price: Price, note: Annotated[str, Body(media_type="application/vnd.x+json")] = "n") -> Price: ...
