"""Parametrized generic models (Page[int], Page[Item]) as bodies, response models and
constructions in bodies."""

from typing import Generic, List, Optional, TypeVar

from fastapi import FastAPI
from pydantic import BaseModel, Field

app = FastAPI(title="Generics")

T = TypeVar("T")
K = TypeVar("K")


class Item(BaseModel):
    name: str = Field(min_length=1)
    price: float = 0.0


class Page(BaseModel, Generic[T]):
    items: List[T]
    total: int
    first: Optional[T] = None


class Pair(BaseModel, Generic[K, T]):
    key: K
    value: T


@app.get("/numbers")
def numbers(n: int = 0) -> Page[int]:
    return Page[int](items=list(range(n)), total=n)


@app.get("/numbers/dict")
def numbers_dict(n: int = 0, first: str = "0") -> Page[int]:
    return {"items": list(range(n)), "total": n, "first": first}


@app.get("/names")
def names(n: int = 1) -> Page[str]:
    page = Page[str](items=["x"] * n, total=n, first="x")
    return page


@app.post("/items")
def post_items(page: Page[Item]) -> Page[Item]:
    return page


@app.post("/items/raw")
def post_items_raw(page: Page[Item]):
    return {"count": len(page.items), "page": page, "total": page.total}


@app.post("/pairs")
def post_pair(pair: Pair[str, int]) -> Pair[str, int]:
    return pair


@app.post("/pairs/made")
def make_pair(key: str, value: int) -> Pair[str, Item]:
    return Pair[str, Item](key=key, value=Item(name=key, price=value))


def class_of(p):
    return p.__class__.__name__ + ":" + str(len(p.items))


@app.post("/items/class")
def items_class(page: Page[Item]):
    return {"class": class_of(page)}
