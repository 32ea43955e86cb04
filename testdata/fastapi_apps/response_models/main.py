"""A user-directory service whose responses are shaped by response models."""

from typing import Any, List, Optional, Union

from fastapi import FastAPI, Response, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

app = FastAPI(title="Directory")


class UserIn(BaseModel):
    username: str
    password: str
    email: str
    full_name: Optional[str] = None


class UserOut(BaseModel):
    username: str
    email: str
    full_name: Optional[str] = None


class UserInDB(UserOut):
    hashed_password: str


class Item(BaseModel):
    name: str
    description: Optional[str] = None
    price: float
    tax: float = 10.5
    tags: List[str] = []


class AliasedItem(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    item_name: str = Field(alias="itemName")
    unit_price: float = Field(alias="unitPrice", serialization_alias="price")


class Car(BaseModel):
    kind: str = "car"
    wheels: int = 4


class Plane(BaseModel):
    kind: str = "plane"
    wings: int = 2
    size: int = 5


ITEMS = {
    "foo": {"name": "Foo", "price": 50.2},
    "bar": {"name": "Bar", "description": "The bartenders", "price": 62, "tax": 20.2},
    "baz": {"name": "Baz", "description": None, "price": 50.2, "tax": 10.5, "tags": []},
    "qux": {"name": "Qux", "price": 3, "tax": 1, "tags": ["a"], "secret": "not for you"},
}


def fake_hash(password: str) -> str:
    return "supersecret" + password


@app.post("/users", response_model=UserOut, status_code=201)
async def create_user(user: UserIn) -> Any:
    stored = UserInDB(**user.model_dump(), hashed_password=fake_hash(user.password))
    return stored


@app.post("/users/annotated", status_code=status.HTTP_201_CREATED)
async def create_user_annotated(user: UserIn) -> UserOut:
    return UserInDB(**user.model_dump(), hashed_password=fake_hash(user.password))


@app.post("/users/leaky")
async def create_user_leaky(user: UserIn):
    # no response model: everything is returned, including the password
    return user


@app.get("/items/{item_id}", response_model=Item)
def read_item(item_id: str):
    return ITEMS[item_id]


@app.get("/items/{item_id}/unset", response_model=Item, response_model_exclude_unset=True)
def read_item_unset(item_id: str):
    return ITEMS[item_id]


@app.get("/items/{item_id}/no-none", response_model=Item, response_model_exclude_none=True)
def read_item_no_none(item_id: str):
    return ITEMS[item_id]


@app.get("/items/{item_id}/no-defaults", response_model=Item, response_model_exclude_defaults=True)
def read_item_no_defaults(item_id: str):
    return ITEMS[item_id]


@app.get("/items/{item_id}/name", response_model=Item, response_model_include={"name", "description"})
def read_item_name(item_id: str):
    return ITEMS[item_id]


@app.get("/items/{item_id}/public", response_model=Item, response_model_exclude=["tax"])
def read_item_public(item_id: str):
    return ITEMS[item_id]


@app.get("/items", response_model=List[Item])
def list_items():
    return list(ITEMS.values())


@app.get("/items-dict", response_model=dict[str, float])
def item_prices():
    return {k: v["price"] for k, v in ITEMS.items()}


@app.get("/aliased", response_model=AliasedItem)
def aliased():
    return {"itemName": "Widget", "unitPrice": 2}


@app.get("/aliased/by-name", response_model=AliasedItem, response_model_by_alias=False)
def aliased_by_name():
    return AliasedItem(item_name="Widget", unit_price=2.5)


@app.get("/vehicles/{kind}", response_model=Union[Plane, Car])
def read_vehicle(kind: str):
    if kind == "plane":
        return {"wings": 4}
    if kind == "car":
        return {"kind": "car", "wheels": 3}
    return {"kind": kind}


@app.get("/floats", response_model=Item)
def floats(price: float = 1, tax: int = 2):
    return {"name": "F", "price": price, "tax": tax}


@app.delete("/items/{item_id}", status_code=204)
def delete_item(item_id: str):
    ITEMS.get(item_id)  # read-only demo: nothing is deleted
    return None


@app.get("/broken", response_model=Item)
def broken():
    return {"name": "no price"}


@app.get("/wrong-shape", response_model=List[Item])
def wrong_shape():
    return {"name": "not a list", "price": 1}


@app.get("/none-model", response_model=None)
def none_model(raw: bool = False) -> Union[Response, dict]:
    if raw:
        return JSONResponse({"raw": True}, status_code=202)
    return {"raw": False}


@app.get("/explicit-json", response_model=Item)
def explicit_json():
    return JSONResponse({"name": "bypass", "extra": "kept"})


@app.get("/optional-item", response_model=Optional[Item])
def optional_item(present: bool = False):
    return ITEMS["foo"] if present else None


@app.get("/scalar", response_model=int)
def scalar(value: str = "5"):
    return value
