"""Models of plain_check.py: plain trees (one validation in the worker) and the models
that must keep the level-by-level rebuild."""

import datetime
from typing import Any, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Customer(BaseModel):
    name: str = Field(min_length=1)
    email: str = Field(pattern=r"^[^@ ]+@[^@ ]+$")


class LineItem(BaseModel):
    sku: str
    quantity: int = Field(gt=0)
    unit_price: float = 1.0


class Order(BaseModel):
    order_id: int
    customer: Customer
    items: list[LineItem] = Field(min_length=1)
    backup: Optional[Customer] = None
    note: Optional[str] = None
    tags: dict[str, int] = {}
    internal_code: str = "std"


class Person(BaseModel):
    full_name: str = Field(alias="fullName")


class Team(BaseModel):
    lead: Person
    members: list[Person] = []


class Checked(BaseModel):
    customer: Customer

    @field_validator("customer", mode="before")
    @classmethod
    def seen(cls, v):
        # Sees an instance in the level-by-level rebuild: the plain path must not run.
        return v


class Before(BaseModel):
    customer: Customer

    @model_validator(mode="before")
    @classmethod
    def seen(cls, data):
        return data


class Dated(BaseModel):
    when: datetime.date
    label: str = ""


class Holder(BaseModel):
    dated: Dated


class Loose(BaseModel):
    anything: Any = None


class Cat(BaseModel):
    name: str


class Dog(BaseModel):
    name: str


class Pet(BaseModel):
    pet: Union[Cat, Dog]


class Strict(BaseModel):
    model_config = ConfigDict(strict=True)
    customer: Customer


class Tree(BaseModel):
    label: str
    children: list["Tree"] = []


class VIP(Customer):
    level: int = 1
