from typing import Optional

from pydantic import BaseModel


class Item(BaseModel):
    name: str
    price: float
    tags: list[str] = []
    description: Optional[str] = None


class Owner(BaseModel):
    name: str
    item: Optional[Item] = None


TAX_RATE = 0.2


def tax(price, rate=TAX_RATE):
    return round(price * rate * 100) / 100


# Enums for the Enum/UUID snippets (ext.snip); app.py's /ext route makes the app reach them.
import enum  # noqa: E402
from enum import Enum  # noqa: E402


class Region(str, Enum):
    eu = "eu"
    us = "us"
    apac = "ap-south"


class Priority(int, Enum):
    low = 1
    normal = 5
    high = 10


class Color(Enum):
    RED = "red"
    GREEN = 2


class Level(enum.IntEnum):
    debug = 10
    info = 20


class Mode(enum.StrEnum):
    fast = "fast"
    safe = "safe"


class Ticket(BaseModel):
    title: str
    region: Region = Region.eu
    regions: list[Region] = []
    backup: Optional[Region] = None


class Shade(str, Enum):
    light = "l"
    pale = "l"
    dark = "d"


class Note(BaseModel):
    title: str
    done: bool = False
    level: Region = Region.eu


class NotePatch(BaseModel):
    title: Optional[str] = None
    done: Optional[bool] = None
    level: Optional[Region] = None
