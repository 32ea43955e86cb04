"""A pet-clinic booking API leaning on pydantic validators and advanced types."""

from __future__ import annotations

from typing import Annotated, Generic, List, Literal, Optional, TypeVar, Union

import annotated_types
from fastapi import FastAPI, Query
from pydantic import (
    BaseModel,
    Field,
    StringConstraints,
    computed_field,
    confloat,
    conint,
    constr,
    field_validator,
    model_validator,
)

app = FastAPI(title="Pet clinic")

T = TypeVar("T")

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=20)]
Slug = Annotated[str, StringConstraints(to_lower=True, pattern=r"^[a-z0-9-]+$")]
Weight = Annotated[float, annotated_types.Gt(0), annotated_types.Le(200)]
Percent = Annotated[int, annotated_types.Interval(ge=0, le=100)]


class Owner(BaseModel):
    name: Name
    phone: constr(pattern=r"^\+?[0-9 ]{6,15}$")
    email: str

    @field_validator("email")
    @classmethod
    def email_has_at(cls, v: str) -> str:
        if "@" not in v:
            raise ValueError("email must contain @")
        return v.lower()


class Cat(BaseModel):
    kind: Literal["cat"]
    name: Name
    indoor: bool = True
    lives_left: conint(ge=0, le=9) = 9


class Dog(BaseModel):
    kind: Literal["dog"]
    name: Name
    weight_kg: Weight
    good_boy: bool = True


class Parrot(BaseModel):
    kind: Literal["parrot"]
    name: Name
    vocabulary: List[str] = []

    @field_validator("vocabulary", mode="before")
    @classmethod
    def split_words(cls, v):
        if isinstance(v, str):
            return v.split(",")
        return v


Pet = Annotated[Union[Cat, Dog, Parrot], Field(discriminator="kind")]


class Booking(BaseModel):
    owner: Owner
    pet: Pet
    slug: Slug
    start_hour: conint(ge=8, lt=18)
    end_hour: int
    sedation: confloat(ge=0, le=1.5) = 0.0
    discount: Percent = 0

    @model_validator(mode="before")
    @classmethod
    def default_end_hour(cls, data):
        if isinstance(data, dict) and "end_hour" not in data and isinstance(data.get("start_hour"), int):
            data = {**data, "end_hour": data["start_hour"] + 1}
        return data

    @model_validator(mode="after")
    def check_hours(self):
        if self.end_hour <= self.start_hour:
            raise ValueError("end_hour must be after start_hour")
        return self

    @computed_field
    @property
    def duration_hours(self) -> int:
        return self.end_hour - self.start_hour


class Category(BaseModel):
    name: str
    children: List[Category] = []
    parent: Optional[Category] = None

    @field_validator("name")
    @classmethod
    def no_slash(cls, v: str) -> str:
        assert "/" not in v, "name must not contain a slash"
        return v


class Page(BaseModel, Generic[T]):
    items: List[T]
    total: int
    page: int

    @computed_field
    @property
    def has_more(self) -> bool:
        return self.page * len(self.items) < self.total


class Vaccine(BaseModel):
    code: Slug
    months: Annotated[int, Field(gt=0)]


VACCINES = [Vaccine(code=c, months=m) for c, m in [("rabies", 12), ("dhpp", 36), ("fvrcp", 12), ("lepto", 12)]]


@app.post("/bookings")
def create_booking(booking: Booking) -> Booking:
    return booking


@app.post("/bookings/raw")
def create_booking_raw(booking: Booking):
    return {"booking": booking, "pet_type": type(booking.pet).__name__}


@app.post("/pets")
def register_pet(pet: Pet):
    return pet


@app.post("/pets/batch")
def register_pets(pets: list[Pet]):
    return {"kinds": [p.kind for p in pets]}


@app.post("/categories")
def create_category(category: Category) -> Category:
    return category


@app.get("/vaccines")
def list_vaccines(
    page: Annotated[int, Query(ge=1)] = 1,
    size: Annotated[int, Query(ge=1, le=3)] = 2,
) -> Page[Vaccine]:
    start = (page - 1) * size
    return Page[Vaccine](items=VACCINES[start : start + size], total=len(VACCINES), page=page)


@app.get("/numbers")
def numbers(n: Annotated[int, Query(ge=0)] = 0) -> Page[int]:
    return Page[int](items=list(range(n)), total=n, page=1)


@app.get("/owners/lookup")
def lookup(name: Annotated[Name, Query()]):
    return {"name": name, "length": len(name)}
