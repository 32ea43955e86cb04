"""A small FastAPI service: the example covetgen's README migrates."""

from typing import Annotated

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Hello", version="1.0.0")


class Item(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    price: float = Field(gt=0)
    tags: list[str] = []


ITEMS = {1: {"name": "kettle", "price": 24.5, "tags": ["kitchen"]}}


@app.get("/")
def hello():
    return {"message": "Hello, world"}


@app.get("/items/{item_id}")
def read_item(item_id: int, q: Annotated[str | None, Query(max_length=20)] = None) -> Item:
    if item_id not in ITEMS:
        raise HTTPException(status_code=404, detail="Item not found")
    return ITEMS[item_id]


@app.post("/items", status_code=201)
def create_item(item: Item) -> Item:
    """Validates an item and echoes it back; this example keeps no state."""
    return item
