"""Compares covetgen_compat.jsonable_encoder with the real fastapi one (both importable)."""

import dataclasses
import datetime
import decimal
import enum
import json
import pathlib
import sys
import uuid
from typing import Optional

sys.path.insert(0, sys.argv[1])
import covetgen_compat
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel, Field


class Color(enum.Enum):
    red = "r"


class Inner(BaseModel):
    when: datetime.date
    amount: decimal.Decimal


class Item(BaseModel):
    name: str = Field(alias="itemName")
    inner: Optional[Inner] = None
    tags: set = set()
    none: Optional[int] = None


@dataclasses.dataclass
class DC:
    x: int
    y: tuple


values = [
    None, True, 1, 1.5, "s", b"bytes", [1, (2, 3)], {"a": {1, 2}}, {1: "int key"}, {"_sa_x": 1, "k": 2},
    datetime.datetime(2024, 1, 2, 3, 4, 5, 6), datetime.date(2024, 2, 29), datetime.time(1, 2),
    datetime.timedelta(days=1, microseconds=5), decimal.Decimal("1.50"), decimal.Decimal("10"),
    decimal.Decimal("1E+2"), uuid.UUID(int=5), Color.red, pathlib.PurePosixPath("/a/b"),
    Item(itemName="x", inner=Inner(when=datetime.date(2020, 1, 1), amount=decimal.Decimal("2.5"))),
    [Item(itemName="y")], DC(1, (2,)), frozenset([3]),
]
bad = 0
for v in values:
    a, b = covetgen_compat.jsonable_encoder(v), jsonable_encoder(v)
    if json.dumps(a) != json.dumps(b):
        bad += 1
        print("MISMATCH %r: compat %r, fastapi %r" % (v, a, b))
if covetgen_compat.jsonable_encoder(i for i in range(3)) != jsonable_encoder(i for i in range(3)):
    bad += 1
    print("MISMATCH generator")
for kw in [dict(exclude_none=True), dict(by_alias=False), dict(include={"name"}), dict(exclude={"inner"})]:
    v = Item(itemName="x")
    a, b = covetgen_compat.jsonable_encoder(v, **kw), jsonable_encoder(v, **kw)
    if a != b:
        bad += 1
        print("MISMATCH %r: compat %r, fastapi %r" % (kw, a, b))
sys.exit(1 if bad else 0)
