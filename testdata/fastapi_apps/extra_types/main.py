"""A scheduling/ledger service echoing back non-JSON-native types."""

import enum
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Annotated, Literal, Optional, Tuple, Union
from uuid import UUID

from fastapi import Body, FastAPI, Query
from pydantic import BaseModel

app = FastAPI(title="Scheduler")


class Color(str, enum.Enum):
    red = "red"
    green = "green"


class Level(enum.IntEnum):
    debug = 10
    info = 20
    error = 40


class Mode(enum.StrEnum):
    fast = "fast"
    safe = "safe"


class Slot(BaseModel):
    starts_at: datetime
    day: date
    opens: time
    duration: timedelta
    booking_id: UUID


class LedgerEntry(BaseModel):
    amount: Decimal
    fee: Optional[Decimal] = None
    memo: bytes = b""


class Bag(BaseModel):
    labels: frozenset[str] = frozenset()
    codes: set[int] = set()
    point: Tuple[int, int]
    path: tuple[float, ...] = ()
    counts: dict[str, int] = {}
    kind: Literal["a", "b"] = "a"
    level: Level = Level.info
    color: Color = Color.red
    mode: Mode = Mode.safe


class Mixed(BaseModel):
    number: Union[int, float, str]
    maybe: Union[int, None] = None


@app.put("/slots/{booking_id}")
async def put_slot(
    booking_id: UUID,
    starts_at: Annotated[datetime, Body()],
    day: Annotated[date, Body()],
    opens: Annotated[time, Body()],
    duration: Annotated[timedelta, Body()],
    repeat_until: Annotated[Union[datetime, None], Body()] = None,
):
    ends_at = starts_at + duration
    return {
        "booking_id": booking_id,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "day": day,
        "opens": opens,
        "duration": duration,
        "repeat_until": repeat_until,
        "weekday": day.isoweekday(),
    }


@app.post("/slots", response_model=Slot)
def create_slot(slot: Slot):
    return slot


@app.post("/slots/raw")
def create_slot_raw(slot: Slot):
    # no response model: jsonable_encoder path
    return {"slot": slot, "duration_seconds": slot.duration.total_seconds()}


@app.post("/ledger")
def ledger(entry: LedgerEntry) -> LedgerEntry:
    return entry


@app.post("/ledger/raw")
def ledger_raw(entry: LedgerEntry):
    total = entry.amount + (entry.fee or Decimal(0))
    return {"entry": entry, "total": total, "memo_len": len(entry.memo)}


@app.post("/ledger/plain-decimal")
def plain_decimal(amount: Annotated[Decimal, Body(embed=True)]):
    return {"amount": amount, "doubled": amount * 2}


@app.post("/bags")
def bags(bag: Bag) -> Bag:
    return bag


@app.post("/bags/raw")
def bags_raw(bag: Bag):
    return {"bag": bag, "point_sum": sum(bag.point)}


@app.post("/mixed")
def mixed(item: Mixed):
    return {"item": item, "type": type(item.number).__name__}


@app.get("/at")
def at(when: datetime, on: Optional[date] = None, tz_only: Optional[time] = None, within: Optional[timedelta] = None):
    return {"when": when, "on": on, "tz_only": tz_only, "within": within}


@app.get("/kinds")
def kinds(
    kind: Literal["a", "b"] = "a",
    level: Level = Level.info,
    mode: Mode = Query(Mode.safe),
    num: Literal[1, 2] = 1,
):
    return {"kind": kind, "level": level, "mode": mode, "num": num}


@app.get("/ids")
def ids(id: Annotated[list[UUID], Query()] = []):
    return {"ids": id, "count": len(id)}
