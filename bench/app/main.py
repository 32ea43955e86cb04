"""The benchmark app: one FastAPI service with the endpoints bench/run.sh measures.

Handlers stay in the straight-line subset covetgen translates: returns of literals, parameters
and module constants, model construction, if/raise HTTPException.
"""

from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query
from pydantic import BaseModel, Field

app = FastAPI(title="covetgen bench")

API_TOKEN = "s3cret-token"


# (a) hello
@app.get("/hello")
async def hello():
    return {"message": "Hello, world"}


# (b) path + query parameters with constraints
@app.get("/items/{item_id}")
async def read_item(
    item_id: Annotated[int, Path(ge=1, le=1_000_000)],
    q: Annotated[str | None, Query(min_length=2, max_length=50)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
):
    return {"item_id": item_id, "q": q, "limit": limit}


# (c) + (e) nested model with constraints; the response model drops internal_code
class Customer(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    email: str = Field(pattern=r"^[^@ ]+@[^@ ]+\.[a-z]{2,}$")


class LineItem(BaseModel):
    sku: str = Field(pattern=r"^[A-Z]{3}-[0-9]{4}$")
    quantity: int = Field(gt=0, le=1000)
    unit_price: float = Field(gt=0)


class Order(BaseModel):
    order_id: int = Field(ge=1)
    customer: Customer
    items: list[LineItem] = Field(min_length=1, max_length=50)
    note: str | None = Field(default=None, max_length=200)
    internal_code: str = "std"


class OrderOut(BaseModel):
    order_id: int
    customer: Customer
    items: list[LineItem]
    note: str | None = None


@app.post("/orders", response_model=OrderOut, status_code=201)
async def create_order(order: Order):
    return order


# (d) a list of 100 models built once at module level; the response model drops cost
class Product(BaseModel):
    id: int
    name: str
    price: float
    tags: list[str]
    in_stock: bool
    cost: float


class ProductOut(BaseModel):
    id: int
    name: str
    price: float
    tags: list[str]
    in_stock: bool


PRODUCTS = [
    Product(
        id=i,
        name=f"Product {i}",
        price=i * 1.25,
        tags=[f"cat-{i % 7}", "bench"],
        in_stock=i % 3 != 0,
        cost=i * 0.5,
    )
    for i in range(1, 101)
]


@app.get("/products", response_model=list[ProductOut])
async def list_products():
    return PRODUCTS


# the catalogue's write side: takes the full product, answers its public view (not timed; it
# also makes Product a model a route uses, as in any real catalogue service)
@app.post("/products", response_model=ProductOut, status_code=201)
async def create_product(product: Product):
    return product


# (f) a two-level dependency chain reading a header
class User(BaseModel):
    username: str
    role: str
    token: str


async def get_token(x_token: Annotated[str, Header()]) -> str:
    if x_token != API_TOKEN:
        raise HTTPException(status_code=401, detail="Invalid X-Token header")
    return x_token


async def get_current_user(token: Annotated[str, Depends(get_token)]) -> User:
    return User(username="alice", role="admin", token=token)


@app.get("/me", response_model=User)
async def read_me(user: Annotated[User, Depends(get_current_user)]):
    return user
