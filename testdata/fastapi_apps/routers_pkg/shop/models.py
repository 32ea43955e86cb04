from typing import Optional

from pydantic import BaseModel, Field


class ItemBase(BaseModel):
    name: str = Field(min_length=1, max_length=40)
    price: float = Field(gt=0)
    tags: list[str] = []


class ItemCreate(ItemBase):
    description: Optional[str] = None


class Item(ItemBase):
    id: int
    description: Optional[str] = None
    owner: Optional[str] = None


class User(BaseModel):
    username: str
    full_name: Optional[str] = None
    is_admin: bool = False


class Message(BaseModel):
    message: str
