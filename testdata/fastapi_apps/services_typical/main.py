"""A typical small service: a book catalogue with search and reports, text utilities, date
helpers, a notes store and two computations, written as such services are written (plain
loops, dicts, comprehensions, small helpers)."""

from datetime import date, timedelta
from typing import Annotated, Literal, Optional

from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Typical service", version="1.4.0")

BOOKS = [
    {"id": 1, "title": "The Silent Forest", "author": "Mara Quill", "genre": "fantasy", "year": 2011, "price": 12.5, "rating": 4.2, "tags": ["magic", "series"]},
    {"id": 2, "title": "Empires of Salt", "author": "Tomas Brandt", "genre": "history", "year": 2004, "price": 24.0, "rating": 4.6, "tags": ["trade", "maps"]},
    {"id": 3, "title": "A Short Tour of Stars", "author": "Ines Okafor", "genre": "science", "year": 2019, "price": 18.99, "rating": 4.8, "tags": ["space"]},
    {"id": 4, "title": "Murder at Low Tide", "author": "Mara Quill", "genre": "mystery", "year": 2015, "price": 9.99, "rating": 3.9, "tags": ["coast", "series"]},
    {"id": 5, "title": "The Glass Orchard", "author": "Lena Voss", "genre": "fantasy", "year": 2021, "price": 15.0, "rating": 4.4, "tags": ["magic"]},
    {"id": 6, "title": "Rivers That Made Us", "author": "Tomas Brandt", "genre": "history", "year": 1998, "price": 21.5, "rating": 4.1, "tags": ["rivers", "maps"]},
    {"id": 7, "title": "Counting Atoms", "author": "Ines Okafor", "genre": "science", "year": 2012, "price": 27.25, "rating": 4.5, "tags": ["chemistry"]},
    {"id": 8, "title": "The Ninth Key", "author": "Jon Arden", "genre": "mystery", "year": 2020, "price": 11.0, "rating": 4.0, "tags": ["locked-room"]},
    {"id": 9, "title": "Dragons of the North", "author": "Lena Voss", "genre": "fantasy", "year": 2008, "price": 13.75, "rating": 3.7, "tags": ["dragons", "series"]},
    {"id": 10, "title": "Bread and Revolt", "author": "Aiko Tanabe", "genre": "history", "year": 2017, "price": 19.0, "rating": 4.3, "tags": ["cities"]},
    {"id": 11, "title": "The Patient Cell", "author": "Ines Okafor", "genre": "science", "year": 2023, "price": 31.0, "rating": 4.9, "tags": ["biology"]},
    {"id": 12, "title": "Fog over Harrow Lane", "author": "Jon Arden", "genre": "mystery", "year": 2010, "price": 8.5, "rating": 3.5, "tags": ["coast"]},
]

# (region, month, amount): last year's sales, the input of the quarterly report
SALES = [
    ("north", 1, 120), ("north", 2, 90), ("north", 4, 200), ("north", 7, 150), ("north", 11, 80),
    ("south", 1, 60), ("south", 3, 75), ("south", 5, 110), ("south", 8, 95), ("south", 12, 300),
    ("east", 2, 40), ("east", 6, 130), ("east", 9, 70), ("east", 10, 65),
    ("west", 3, 210), ("west", 4, 35), ("west", 9, 120), ("west", 12, 45),
]

SLUG_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


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


class TextIn(BaseModel):
    text: str = Field(min_length=1, max_length=2000)
    top: int = Field(default=3, ge=1, le=10)


class NoteIn(BaseModel):
    title: str = Field(min_length=1, max_length=60)
    body: str = ""
    tags: list[str] = []


# ---- catalogue: filtering, sorting, pagination


@app.get("/books", response_model=BookPage)
def list_books(
    q: Annotated[Optional[str], Query(min_length=2, max_length=50)] = None,
    genre: Optional[str] = None,
    min_price: Annotated[float, Query(ge=0)] = 0,
    max_price: Annotated[Optional[float], Query(gt=0)] = None,
    sort: Literal["id", "title", "year", "price", "rating"] = "id",
    order: Literal["asc", "desc"] = "asc",
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
    offset: Annotated[int, Query(ge=0)] = 0,
):
    needle = q.lower() if q else None
    rows = [
        book
        for book in BOOKS
        if (genre is None or book["genre"] == genre)
        and min_price <= book["price"]
        and (max_price is None or book["price"] <= max_price)
        and (not needle or needle in book["title"].lower() or needle in book["author"].lower())
    ]
    rows = sorted(rows, key=lambda b: (b[sort], b["id"]), reverse=order == "desc")
    return {"total": len(rows), "limit": limit, "offset": offset, "items": rows[offset : offset + limit]}


def find_book(book_id: int) -> dict:
    for book in BOOKS:
        if book["id"] == book_id:
            return book
    raise HTTPException(status_code=404, detail=f"Book {book_id} not found")


@app.get("/books/{book_id}", response_model=Book)
def read_book(book_id: int):
    return find_book(book_id)


@app.get("/books/{book_id}/similar")
def similar_books(book_id: int, limit: Annotated[int, Query(ge=1, le=5)] = 3):
    book = find_book(book_id)
    scored = []
    for other in BOOKS:
        if other["id"] == book_id:
            continue
        score = 2 * len([t for t in other["tags"] if t in book["tags"]])
        if other["author"] == book["author"]:
            score += 3
        if other["genre"] == book["genre"]:
            score += 1
        if score > 0:
            scored.append({"id": other["id"], "title": other["title"], "score": score})
    scored.sort(key=lambda s: (-s["score"], s["id"]))
    return {"book": book["title"], "similar": scored[:limit]}


# ---- reports: grouping, totals, a matrix


@app.get("/reports/genres")
def genre_report(min_rating: Annotated[float, Query(ge=0, le=5)] = 0):
    counts = {}
    totals = {}
    for book in BOOKS:
        if book["rating"] < min_rating:
            continue
        genre = book["genre"]
        counts[genre] = counts.get(genre, 0) + 1
        totals[genre] = totals.get(genre, 0.0) + book["price"]
    report = []
    for genre, count in sorted(counts.items()):
        titles = [b["title"] for b in BOOKS if b["genre"] == genre and b["rating"] >= min_rating]
        report.append(
            {
                "genre": genre,
                "count": count,
                "average_price": round(totals[genre] / count, 2),
                "titles": sorted(titles),
            }
        )
    return {"genres": report, "books": sum(counts.values())}


@app.get("/reports/authors")
def author_report():
    by_author = {}
    for book in BOOKS:
        by_author[book["author"]] = by_author.get(book["author"], []) + [book]
    report = []
    for author, books in by_author.items():
        years = [b["year"] for b in books]
        genres = []
        for b in books:
            if b["genre"] not in genres:
                genres.append(b["genre"])
        report.append(
            {"author": author, "books": len(books), "first_year": min(years), "last_year": max(years), "genres": genres}
        )
    return sorted(report, key=lambda a: (-a["books"], a["author"]))


@app.get("/reports/sales")
def sales_report(region: Optional[str] = None):
    regions = []
    for r, _, _ in SALES:
        if r not in regions:
            regions.append(r)
    regions.sort()
    if region is not None and region not in regions:
        raise HTTPException(status_code=404, detail=f"Unknown region {region!r}")
    totals = {}
    for r, month, amount in SALES:
        key = (r, (month - 1) // 3)
        totals[key] = totals.get(key, 0) + amount
    rows = []
    for r in regions:
        if region is not None and r != region:
            continue
        quarters = [totals.get((r, q), 0) for q in range(4)]
        best = max(range(4), key=lambda i: quarters[i])
        rows.append({"region": r, "quarters": quarters, "total": sum(quarters), "best_quarter": f"Q{best + 1}"})
    column_totals = [sum(row["quarters"][q] for row in rows) for q in range(4)]
    grand = sum(column_totals)
    shares = [f"{t / grand:.1%}" if grand else "0.0%" for t in column_totals]
    return {"rows": rows, "column_totals": column_totals, "shares": shares, "grand_total": grand}


# ---- text utilities


def slugify(text: str) -> str:
    out = []
    dash = False
    for ch in text.lower():
        if ch in SLUG_CHARS:
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


@app.get("/text/slugify")
def slugify_text(text: Annotated[str, Query(min_length=1, max_length=200)]):
    slug = slugify(text)
    return {"text": text, "slug": slug, "length": len(slug)}


@app.post("/text/stats")
def text_stats(payload: TextIn):
    words = [w.strip(".,;:!?\"'()").lower() for w in payload.text.split()]
    words = [w for w in words if w]
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[: payload.top]
    sentences = sum(payload.text.count(p) for p in ".!?") or 1
    return {
        "characters": len(payload.text),
        "words": len(words),
        "unique_words": len(counts),
        "sentences": sentences,
        "average_word_length": round(sum(len(w) for w in words) / len(words), 2) if words else 0.0,
        "top_words": [{"word": w, "count": c} for w, c in top],
        "title": " ".join(w[:1].upper() + w[1:].lower() for w in payload.text.split()),
        "slug": slugify(payload.text),
    }


# ---- dates


@app.get("/dates/add")
def add_days(start: date, days: Annotated[int, Query(ge=-3650, le=3650)] = 0):
    result = start + timedelta(days=days)
    return {
        "start": start.isoformat(),
        "days": days,
        "result": result.isoformat(),
        "weekday": WEEKDAYS[result.weekday()],
        "is_weekend": result.weekday() >= 5,
    }


@app.get("/dates/between")
def days_between(start: date, end: date):
    if end < start:
        raise HTTPException(status_code=400, detail="end must not be before start")
    total = (end - start).days
    if total > 366:
        raise HTTPException(status_code=400, detail="at most 366 days")
    business = 0
    for i in range(total):
        if (start + timedelta(days=i)).weekday() < 5:
            business += 1
    return {"days": total, "weeks": total // 7, "business_days": business, "same_year": start.year == end.year}


@app.get("/dates/age")
def age_on(birth: date, on: date):
    if on < birth:
        raise HTTPException(status_code=400, detail="'on' is before the birth date")
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    quarter = (on.month - 1) // 3 + 1
    return {"birth": birth, "on": on, "years": years, "quarter": f"{on.year}-Q{quarter}", "leap_year": on.year % 4 == 0 and (on.year % 100 != 0 or on.year % 400 == 0)}


# ---- notes: a small in-memory store

NOTES = {}


@app.post("/notes", status_code=201)
def create_note(note: NoteIn):
    note_id = len(NOTES) + 1
    NOTES[note_id] = {"id": note_id, "title": note.title, "body": note.body, "tags": sorted(set(note.tags))}
    return NOTES[note_id]


@app.get("/notes")
def list_notes(tag: Optional[str] = None):
    notes = [n for n in NOTES.values() if tag is None or tag in n["tags"]]
    return {"count": len(notes), "notes": notes}


# ---- computations


@app.get("/compute/primes")
def primes(n: Annotated[int, Query(ge=2, le=100_000)]):
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
def edit_distance(
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
