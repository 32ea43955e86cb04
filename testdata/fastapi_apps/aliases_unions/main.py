"""Validation aliases (AliasChoices, AliasPath, alias generators) and discriminated unions of models."""
from typing import Annotated, Literal, Optional, Union

from fastapi import FastAPI
from pydantic import AliasChoices, AliasPath, AnyUrl, BaseModel, ConfigDict, Field, HttpUrl
from pydantic.alias_generators import to_pascal, to_snake

app = FastAPI(title="Aliases and unions")


class Circle(BaseModel):
    type: Literal["circle"]
    radius: float = Field(gt=0)


class Rect(BaseModel):
    type: Literal["rect", "square"]
    width: int
    height: int = 1


class Text(BaseModel):
    type: Literal["text"]
    content: str = Field(min_length=1)
    size: int = 12


Shape = Annotated[Union[Circle, Rect, Text], Field(discriminator="type")]


class Drawing(BaseModel):
    name: str
    main: Shape
    layers: list[Shape] = []
    note: Optional[str] = None
    extra: Optional[Shape] = None
    alt: Optional[Union[Circle, Rect]] = Field(None, discriminator="type")


class Located(BaseModel):
    city: str = Field(validation_alias=AliasPath("address", "city"))
    first_tag: str = Field("none", validation_alias=AliasPath("tags", 0))
    last_tag: Optional[str] = Field(None, validation_alias=AliasPath("tags", -1))
    zip_code: int = Field(validation_alias=AliasChoices("zip", AliasPath("address", "zip"), "postcode"))
    deep: int = Field(0, validation_alias=AliasPath("meta", "levels", 1, "n"))


class Person(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    full_name: str = Field(validation_alias=AliasChoices("fullName", "name"))
    age: int = Field(0, validation_alias=AliasChoices("years", AliasPath("info", "age")), serialization_alias="yearsOld")


class Pascal(BaseModel):
    model_config = ConfigDict(alias_generator=to_pascal)

    user_id: int
    display_name: str = "anon"
    http_status2: Optional[int] = None


class Snake(BaseModel):
    model_config = ConfigDict(alias_generator=to_snake, populate_by_name=True)

    userId: int
    HTTPCode: int = 200
    lastSeenAt2: Optional[str] = None


class Upper(BaseModel):
    model_config = ConfigDict(alias_generator=lambda name: name.upper())

    code: str
    item_count: int = Field(1, alias="itemCount")


@app.post("/shapes")
def add_shape(shape: Shape):
    return shape


@app.post("/shapes/many")
def add_shapes(shapes: list[Shape]):
    return {"types": [s.type for s in shapes], "count": len(shapes)}


@app.post("/drawings")
def add_drawing(drawing: Drawing) -> Drawing:
    return drawing


@app.post("/located")
def locate(item: Located) -> Located:
    return item


@app.post("/people")
def add_person(person: Person):
    return person


@app.post("/people/model", response_model=Person)
def add_person_model(person: Person):
    return person


@app.post("/pascal")
def pascal(item: Pascal) -> Pascal:
    return item


@app.post("/snake")
def snake(item: Snake):
    return item


@app.post("/upper")
def upper(item: Upper):
    return {"code": item.code, "count": item.item_count}


class Site(BaseModel):
    model_config = ConfigDict(alias_generator=to_pascal, populate_by_name=True)

    name: str
    home_page: HttpUrl = "https://example.com"
    mirror: Optional[AnyUrl] = "ftp://Mirror.example.com/pub"


@app.post("/sites", response_model=Site, response_model_exclude_defaults=True)
def site_exclude_defaults(site: Site):
    return site


@app.post("/sites/full")
def site_full(site: Site) -> Site:
    return site


@app.post("/sites/compare")
def site_compare(site: Site):
    return {"home": str(site.home_page), "same": site.home_page == "https://example.com"}
