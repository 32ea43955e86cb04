"""The benchmark app: one FastAPI service with the endpoints bench/run.sh measures.

Handlers (a) to (f) stay in the straight-line subset covetgen translates: returns of literals,
parameters and module constants, model construction, if/raise HTTPException. (g) and (h) are
issue 6's: handler bodies with loops, comprehensions, sorting and arithmetic, as real services
write them, translated to Go with Python's semantics.
"""

from typing import Annotated, Literal

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


# (g) issue 6: a typical catalogue search over 100 in-memory records (filter, sort, paginate),
# the handler of testdata/fastapi_apps/services_typical's GET /books over a bigger catalogue
GENRES = ["fantasy", "history", "science", "mystery", "poetry"]
AUTHORS = ["Mara Quill", "Tomas Brandt", "Ines Okafor", "Lena Voss", "Jon Arden", "Aiko Tanabe", "Sam Rivera"]
WORDS = ["Silent", "Forest", "Empire", "Salt", "Stars", "Tide", "Orchard", "River", "Atoms", "Key", "North"]

CATALOG = [
    {
        "id": i,
        "title": f"The {WORDS[i % 11]} of {WORDS[(i * 7) % 11]} {i}",
        "author": AUTHORS[i % 7],
        "genre": GENRES[(i * 3) % 5],
        "year": 1950 + (i * 13) % 75,
        "price": 5 + (i * 37 % 300) / 4,
        "rating": 3 + (i * 7 % 21) / 10,
        "tags": [GENRES[i % 5], f"shelf-{i % 9}"],
    }
    for i in range(1, 101)
]


class Book(BaseModel):
    id: int
    title: str
    author: str
    genre: str
    year: int
    price: float
    rating: float
    tags: list[str]


class BookPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Book]


@app.get("/catalog", response_model=BookPage)
async def search_catalog(
    q: Annotated[str | None, Query(min_length=2, max_length=50)] = None,
    genre: str | None = None,
    min_price: Annotated[float, Query(ge=0)] = 0,
    max_price: Annotated[float | None, Query(gt=0)] = None,
    sort: Literal["id", "title", "year", "price", "rating"] = "id",
    order: Literal["asc", "desc"] = "asc",
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
    offset: Annotated[int, Query(ge=0)] = 0,
):
    needle = q.lower() if q else None
    rows = [
        book
        for book in CATALOG
        if (genre is None or book["genre"] == genre)
        and min_price <= book["price"]
        and (max_price is None or book["price"] <= max_price)
        and (not needle or needle in book["title"].lower() or needle in book["author"].lower())
    ]
    rows = sorted(rows, key=lambda b: (b[sort], b["id"]), reverse=order == "desc")
    return {"total": len(rows), "limit": limit, "offset": offset, "items": rows[offset : offset + limit]}


# (h) issue 6: computation-heavy endpoints, pure Python loops (services_typical's)
@app.get("/compute/primes")
async def primes(n: Annotated[int, Query(ge=2, le=100_000)]):
    sieve = [True] * (n + 1)
    sieve[0] = sieve[1] = False
    i = 2
    while i * i <= n:
        if sieve[i]:
            for j in range(i * i, n + 1, i):
                sieve[j] = False
        i += 1
    found = [k for k in range(n + 1) if sieve[k]]
    return {"n": n, "count": len(found), "sum": sum(found), "largest": found[-5:]}


@app.get("/compute/edit-distance")
async def edit_distance(
    a: Annotated[str, Query(max_length=100)],
    b: Annotated[str, Query(max_length=100)],
):
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev = cur
    distance = prev[len(b)]
    longest = max(len(a), len(b))
    return {"a": a, "b": b, "distance": distance, "similarity": round(1 - distance / longest, 3) if longest else 1.0}
