"""Search/listing endpoints of a book shop, exercising query parameters."""

from typing import Annotated, List, Optional, Union

from fastapi import FastAPI, Query

app = FastAPI(title="Bookshop search", version="2.3.0")

BOOKS = [
    {"id": 1, "title": "Dune", "year": 1965, "price": 9.99, "tags": ["scifi", "classic"]},
    {"id": 2, "title": "Neuromancer", "year": 1984, "price": 7.5, "tags": ["scifi", "cyberpunk"]},
    {"id": 3, "title": "Emma", "year": 1815, "price": 4.0, "tags": ["classic", "romance"]},
    {"id": 4, "title": "Hyperion", "year": 1989, "price": 11.25, "tags": ["scifi"]},
]


@app.get("/books")
def list_books(skip: int = 0, limit: int = 10, sort_desc: bool = False):
    rows = sorted(BOOKS, key=lambda b: b["id"], reverse=sort_desc)
    return {"skip": skip, "limit": limit, "items": rows[skip : skip + limit]}


@app.get("/scalars")
async def scalars(
    name: str,
    count: int,
    ratio: float,
    active: bool,
    nickname: Optional[str] = None,
    level: Union[int, None] = None,
    score: float = 1.5,
    verbose: bool = True,
    label: str = "default",
):
    return {
        "name": name,
        "count": count,
        "ratio": ratio,
        "active": active,
        "nickname": nickname,
        "level": level,
        "score": score,
        "verbose": verbose,
        "label": label,
    }


@app.get("/tags")
def books_by_tags(tag: Annotated[List[str], Query(description="Repeat to filter by several tags")] = []):
    hits = [b["id"] for b in BOOKS if all(t in b["tags"] for t in tag)]
    return {"tags": tag, "ids": hits}


@app.get("/tags/required")
def books_by_required_tags(tag: Annotated[list[str], Query(min_length=1, max_length=3)]):
    return {"tags": tag}


@app.get("/years")
def books_by_years(year: list[int] = Query(default=[1965, 1984])):
    return {"years": year}


@app.get("/search")
async def search(
    q: Annotated[
        Union[str, None],
        Query(
            title="Search string",
            description="Text to look for in titles; at least 3 characters.",
            min_length=3,
            max_length=20,
            pattern="^[a-zA-Z ]+$",
        ),
    ] = None,
    isbn: Annotated[Optional[str], Query(pattern=r"^\d{3}-\d{10}$", examples=["978-0441172719"])] = None,
):
    results = {"books": [{"id": b["id"]} for b in BOOKS if q is None or q.lower() in b["title"].lower()]}
    if q:
        results["q"] = q
    if isbn:
        results["isbn"] = isbn
    return results


@app.get("/aliased")
def aliased(
    item_query: Annotated[Optional[str], Query(alias="item-query")] = None,
    page_size: int = Query(20, alias="pageSize", ge=1, le=100),
):
    return {"item_query": item_query, "page_size": page_size}


@app.get("/legacy")
def legacy(
    old: Annotated[Optional[str], Query(deprecated=True, description="Use `new` instead")] = None,
    new: Optional[str] = None,
    secret: Annotated[Optional[str], Query(include_in_schema=False)] = None,
):
    if secret:
        return {"secret": secret}
    return {"old": old, "new": new}


@app.get("/price-range")
def price_range(
    low: Annotated[
        float,
        Query(
            ge=0,
            openapi_examples={
                "cheap": {"summary": "Bargain bin", "value": 0},
                "mid": {"summary": "Mid range", "description": "A typical paperback", "value": 5.5},
            },
        ),
    ] = 0,
    high: Annotated[float, Query(gt=0, le=1000, title="Upper bound")] = 1000,
):
    hits = [b["id"] for b in BOOKS if low <= b["price"] <= high]
    return {"low": low, "high": high, "ids": hits}


@app.get("/required-str")
def required_str(code: Annotated[str, Query(min_length=2)]):
    return {"code": code}


@app.get("/ellipsis")
def ellipsis_required(token: str = Query(..., max_length=8)):
    return {"token": token}


# A default that violates its own constraint: defaults of query parameters are
# run through validation when the parameter is absent.
@app.get("/misconfigured")
def misconfigured(page: int = Query(0, ge=1), per_page: float = 25):
    return {"page": page, "per_page": per_page}
