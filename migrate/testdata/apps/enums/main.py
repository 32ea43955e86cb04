"""Enum members, UUIDs and dates: path/query parameters, model fields, defaults, bodies, path A and B."""
import enum
from datetime import date
from enum import Enum
from typing import Optional
from uuid import UUID

from fastapi import FastAPI, Query
from pydantic import BaseModel

app = FastAPI(title="Enums and UUIDs")


class Color(str, Enum):
    red = "red"
    green = "green"
    blue = "light-blue"


class Size(int, Enum):
    small = 1
    large = 3


class Level(enum.IntEnum):
    debug = 10
    info = 20


class Mode(enum.StrEnum):
    fast = "fast"
    safe = "safe"


class Shade(Enum):
    DARK = "dark"
    LIGHT = 2


class Paint(BaseModel):
    id: UUID
    color: Color = Color.red
    size: Size
    level: Optional[Level] = None
    shade: Shade = Shade.LIGHT
    made: Optional[date] = None


@app.get("/colors/{color}")
def color(color: Color, size: Size = Size.small, mode: Mode = Query(Mode.safe)):
    if color is Color.red:
        return {"color": color, "size": size, "mode": mode, "hot": True}
    return {
        "color": color,
        "value": color.value,
        "name": color.name,
        "str": str(color),
        "size": [size, size.value, str(size)],
        "mode": [mode, str(mode), mode == "fast"],
        "eq": color == "green",
    }


@app.get("/levels")
def levels(level: Level, shade: Optional[Shade] = None):
    return {"level": level, "str": str(level), "is_info": level is Level.info, "kind": type(level).__name__}


@app.get("/shades/{shade}")
def shades(shade: Shade):
    return [shade, shade.name, shade.value, str(shade), shade == Shade.DARK, shade == "dark"]


@app.get("/ids/{id}")
def ids(id: UUID, other: Optional[UUID] = None):
    return {"id": id, "hex": id.hex, "version": id.version, "str": str(id), "same": id == other}


@app.post("/paints")
def create_paint(paint: Paint):
    return paint


@app.post("/paints/echo", response_model=Paint)
def echo_paint(paint: Paint):
    return paint


@app.post("/paints/fields")
def paint_fields(paint: Paint):
    return {"paint": paint, "id": str(paint.id)}


@app.get("/dates/{d}")
def dates(d: date, until: Optional[date] = None, start: date = date(2024, 1, 1)):
    if until is not None and until < d:
        return {"error": "until before d", "d": d, "until": until}
    return {"d": d, "s": str(d), "y": d.year, "m": d.month, "day": d.day, "after_start": d >= start, "until": until}


@app.post("/paints/made")
def paint_made(paint: Paint):
    return {"made": paint.made, "str": str(paint.made)}
