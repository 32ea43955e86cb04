"""Test app of runtime/bridge: handlers whose bodies need real CPython."""

import asyncio
import datetime
import decimal
import enum
import hashlib
import os
import re
import sqlite3
import threading
import time
import uuid
from typing import Generic, Optional, TypeVar

from fastapi import Depends, FastAPI, HTTPException, Query, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel

app = FastAPI()

_db_lock = threading.Lock()
_db = sqlite3.connect(":memory:", check_same_thread=False)
_db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")


class Color(enum.Enum):
    red = "red"
    blue = "blue"


class Item(BaseModel):
    name: str
    price: float
    tags: list[str] = []
    note: Optional[str] = None


class Event(BaseModel):
    when: datetime.date
    id: uuid.UUID
    amount: decimal.Decimal


@app.get("/digest/{text}")
def digest(text: str, algo: str = Query("sha256")):
    return {"algo": algo, "hex": hashlib.new(algo, text.encode()).hexdigest()}


@app.get("/words")
def words(text: str):
    return re.findall(r"\w+", text)


@app.post("/notes")
def add_note(text: str):
    with _db_lock:
        cur = _db.execute("INSERT INTO notes (text) VALUES (?)", (text,))
        _db.commit()
        return {"id": cur.lastrowid}


@app.get("/notes")
def list_notes():
    with _db_lock:
        return [{"id": r[0], "text": r[1]} for r in _db.execute("SELECT id, text FROM notes ORDER BY id")]


@app.get("/sleep")
async def sleep(seconds: float):
    await asyncio.sleep(seconds)
    return {"slept": seconds, "pid": os.getpid()}


@app.get("/sync-sleep")
def sync_sleep(seconds: float):
    time.sleep(seconds)
    return threading.current_thread().name


@app.get("/items/{item_id}")
def get_item(item_id: int):
    if item_id == 0:
        raise HTTPException(status_code=404, detail="Item not found", headers={"X-Error": "gone"})
    if item_id < 0:
        raise HTTPException(status.HTTP_418_IM_A_TEAPOT, detail={"code": item_id, "why": ["neg"]})
    return Item(name="item%d" % item_id, price=item_id * 1.5)


@app.get("/boom")
def boom():
    raise ValueError("bad value: 42")


class MyError(KeyError):
    pass


@app.get("/myerror")
async def my_error():
    raise MyError("k")


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = 0


def page_info(page):
    # a parametrized generic model rebuilt by the worker from its qualname "Page[Item]"
    return [type(page).__name__, page.total, type(page.items[0]).__name__, type(page) is Page[Item]]


@app.post("/items")
def create_item(item: Item, color: Color = Color.red):
    assert isinstance(item, Item)
    return {"name": item.name.upper(), "total": item.price * 2, "tags": item.tags, "color": color,
            "type": type(item).__name__}


@app.post("/events")
def event(ev: Event, raw: bytes, when: datetime.datetime, pair: tuple = ()):
    return {"day": ev.when.isoformat(), "id_version": ev.id.version, "double": ev.amount * 2,
            "raw": raw, "hour": when.hour, "pair": pair, "types": [type(ev.when).__name__, type(raw).__name__]}


@app.get("/values")
def values():
    return {
        "tuple": (1, "a"), "set": {3}, "bytes": b"\x00hi", "date": datetime.date(2024, 2, 29),
        "dt": datetime.datetime(2024, 1, 2, 3, 4, 5), "uuid": uuid.UUID(int=1),
        "dec": decimal.Decimal("1.50"), "td": datetime.timedelta(days=1, seconds=2), "enum": Color.blue,
        "big": 2 ** 100, "nan": float("nan"), "intkeys": {1: "one"}, "model": Item(name="m", price=1),
        "none": None, "dollar": {"$t": 1},
    }


@app.get("/echo")
def echo(*args, **kwargs):
    return {"args": list(args), "kwargs": kwargs}


@app.get("/trivial")
async def trivial():
    return 1


@app.get("/trivial-sync")
def trivial_sync():
    return 1


@app.get("/loop")
def loop_forever():
    while True:
        pass


@app.get("/pid")
async def pid():
    return os.getpid()


@app.get("/response")
def raw_response():
    return JSONResponse({"a": 1})


@app.get("/bad-detail")
def bad_detail():
    raise HTTPException(400, detail={1, 2})


@app.get("/fastapi-kind")
def fastapi_kind():
    import fastapi
    return getattr(fastapi, "__covetgen_compat__", False) and "compat" or "real"


def get_db():
    return _db


@app.get("/dep")
def with_dep(db=Depends(get_db)):
    return db is not None
