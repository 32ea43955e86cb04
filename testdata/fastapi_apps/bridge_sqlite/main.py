"""Book catalogue on a real SQLite database: yield dependency with commit/rollback, CRUD, filters."""
import atexit
import os
import shutil
import sqlite3
import tempfile
from typing import Annotated, Iterator, Optional

from fastapi import Depends, FastAPI, HTTPException, Query, Response
from pydantic import BaseModel, Field

DB_DIR = tempfile.mkdtemp(prefix="books-")
DB_PATH = os.path.join(DB_DIR, "books.sqlite3")
atexit.register(shutil.rmtree, DB_DIR, ignore_errors=True)

with sqlite3.connect(DB_PATH) as setup:
    setup.execute("CREATE TABLE books (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, author TEXT NOT NULL,"
                  " year INTEGER NOT NULL, isbn TEXT UNIQUE, in_stock INTEGER NOT NULL DEFAULT 1)")

app = FastAPI(title="Book catalogue")


class BookIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    author: str = Field(min_length=1)
    year: int = Field(ge=1450, le=2100)
    isbn: Optional[str] = Field(default=None, pattern=r"^\d{13}$")
    in_stock: bool = True


class Book(BookIn):
    id: int


class BookPage(BaseModel):
    total: int
    items: list[Book]


def get_db() -> Iterator[sqlite3.Connection]:
    # FastAPI may run this generator's two halves and the endpoint in different threads.
    conn = sqlite3.connect(DB_PATH, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
        conn.commit()
    except Exception:
        conn.rollback()
        raise
    finally:
        conn.close()


Db = Annotated[sqlite3.Connection, Depends(get_db)]


def fetch_book(db: sqlite3.Connection, book_id: int) -> Book:
    row = db.execute("SELECT * FROM books WHERE id = ?", (book_id,)).fetchone()
    if row is None:
        raise HTTPException(status_code=404, detail=f"Book {book_id} not found")
    return Book.model_validate(dict(row))


@app.post("/books", response_model=Book, status_code=201)
def create_book(book: BookIn, db: Db):
    try:
        cur = db.execute(
            "INSERT INTO books (title, author, year, isbn, in_stock) VALUES (?, ?, ?, ?, ?)",
            (book.title, book.author, book.year, book.isbn, int(book.in_stock)),
        )
    except sqlite3.IntegrityError:
        raise HTTPException(status_code=409, detail="ISBN already catalogued")
    return fetch_book(db, cur.lastrowid)


@app.get("/books", response_model=BookPage)
def list_books(
    db: Db,
    author: Optional[str] = None,
    q: Annotated[Optional[str], Query(min_length=2)] = None,
    published_after: Optional[int] = None,
    in_stock: Optional[bool] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
):
    filters = {
        "author = ?": author,
        "title LIKE ?": None if q is None else f"%{q}%",
        "year > ?": published_after,
        "in_stock = ?": None if in_stock is None else int(in_stock),
    }
    where = [cond for cond, value in filters.items() if value is not None]
    args = [value for value in filters.values() if value is not None]
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    total = db.execute("SELECT COUNT(*) FROM books" + clause, args).fetchone()[0]
    rows = db.execute("SELECT * FROM books" + clause + " ORDER BY year, id LIMIT ? OFFSET ?", [*args, limit, offset])
    return BookPage(total=total, items=[Book.model_validate(dict(r)) for r in rows])


@app.get("/books/{book_id}", response_model=Book)
def read_book(book_id: int, db: Db):
    return fetch_book(db, book_id)


@app.put("/books/{book_id}", response_model=Book)
def replace_book(book_id: int, book: BookIn, db: Db):
    fetch_book(db, book_id)
    db.execute(
        "UPDATE books SET title = ?, author = ?, year = ?, isbn = ?, in_stock = ? WHERE id = ?",
        (book.title, book.author, book.year, book.isbn, int(book.in_stock), book_id),
    )
    return fetch_book(db, book_id)


@app.delete("/books/{book_id}", status_code=204)
def delete_book(book_id: int, db: Db):
    if db.execute("DELETE FROM books WHERE id = ?", (book_id,)).rowcount == 0:
        raise HTTPException(status_code=404, detail=f"Book {book_id} not found")
    return Response(status_code=204)

