"""Response models (validation, filtering, aliases), response classes, status codes and
Starlette middleware classes."""
from typing import Optional

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

app = FastAPI(title="Responses")
app.add_middleware(GZipMiddleware, minimum_size=200)
app.add_middleware(CORSMiddleware, allow_origins=["https://a.example"], allow_methods=["GET"], expose_headers=["X-Y"])


class Tag(BaseModel):
    name: str
    weight: float = 1.0


class Item(BaseModel):
    name: str
    price: float
    description: Optional[str] = None
    tax: float = 10.5
    tags: list[Tag] = []


class Public(BaseModel):
    name: str
    price: float


class Aliased(BaseModel):
    item_name: str = Field(alias="itemName")
    count: int = Field(default=0, serialization_alias="total")


@app.get("/items/full", response_model=Item)
def full():
    return {"name": "Foo", "price": 50.2, "tags": [{"name": "a"}, {"name": "b", "weight": 2}]}


@app.get("/items/unset", response_model=Item, response_model_exclude_unset=True)
def unset():
    return {"name": "Foo", "price": 50, "tax": 10.5}


@app.get("/items/defaults", response_model=Item, response_model_exclude_defaults=True)
def defaults():
    return {"name": "Bar", "price": 62, "tax": 10.5, "description": None}


@app.get("/items/none", response_model=Item, response_model_exclude_none=True)
def none():
    return {"name": "Baz", "price": 1.5}


@app.get("/items/include", response_model=Item, response_model_include={"name", "price"})
def include():
    return {"name": "Foo", "price": 3, "description": "d"}


@app.get("/items/exclude", response_model=Item, response_model_exclude={"tax", "tags"})
def exclude():
    return {"name": "Foo", "price": 3}


@app.get("/items/public", response_model=Public)
def public():
    return {"name": "Foo", "price": 3, "secret": "hidden"}


@app.get("/items/instance")
def instance() -> Item:
    return Item(name="made", price=2)


@app.get("/items/list", response_model=list[Public])
def many():
    return [{"name": "a", "price": 1}, {"name": "b", "price": 2.5}]


@app.get("/items/invalid", response_model=Public)
def invalid():
    return {"name": "Foo"}


@app.get("/items/explicit", response_model=Item, response_class=JSONResponse)
def explicit():
    return {"name": "J", "price": 1e20}


@app.get("/items/float", response_model=Public)
def float_format():
    return {"name": "F", "price": 1e20}


@app.get("/aliased", response_model=Aliased)
def aliased():
    return {"itemName": "x", "count": 3}


@app.get("/aliased/by-name", response_model=Aliased, response_model_by_alias=False)
def aliased_by_name():
    return {"itemName": "x"}


@app.get("/number", response_model=int)
def number(n: str = "5"):
    return n


@app.get("/optional", response_model=Optional[Public])
def optional(empty: bool = False):
    if empty:
        return None
    return {"name": "o", "price": 0}


@app.post("/created", status_code=201)
def created():
    return {"ok": True}


@app.delete("/gone", status_code=204)
def gone():
    return None


@app.get("/html", response_class=HTMLResponse)
def html(name: str = "world"):
    return f"<h1>Hello {name}</h1>"


@app.get("/text", response_class=PlainTextResponse)
def text(repeat: int = 1):
    return "lorem ipsum " * repeat


@app.get("/text/none", response_class=PlainTextResponse)
def text_none():
    return None


@app.get("/text/bad", response_class=PlainTextResponse)
def text_bad():
    return {"not": "text"}


@app.get("/plain", response_class=Response)
def plain():
    return "raw"


@app.get("/redirect", response_class=RedirectResponse)
def redirect(to: str = "/items/full"):
    return to


@app.get("/redirect/permanent", response_class=RedirectResponse, status_code=308)
def redirect_permanent():
    return "https://example.com/a b?c=d"


@app.get("/large")
def large(n: int = 100):
    return {"items": "x" * n}
