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
