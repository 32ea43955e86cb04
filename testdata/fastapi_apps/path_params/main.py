"""A small file/catalog service exercising every kind of path parameter."""

from enum import Enum
from typing import Annotated
from uuid import UUID

from fastapi import FastAPI, Path

app = FastAPI(title="Path params")


class Region(str, Enum):
    eu = "eu"
    us = "us"
    apac = "ap-south"


class Priority(int, Enum):
    low = 1
    normal = 5
    high = 10


# --- fixed path before the parameterised one: order matters -------------
@app.get("/users/me")
async def read_current_user():
    return {"user_id": "the current user"}


@app.get("/users/{user_id}")
async def read_user(user_id: str):
    return {"user_id": user_id}


# --- starlette convertors -------------------------------------------------
@app.get("/files/{file_path:path}")
def read_file(file_path: str):
    return {"file_path": file_path}


@app.get("/pages/{page:int}")
def read_page(page: int):
    return {"page": page, "kind": type(page).__name__}


@app.get("/ratios/{ratio:float}")
def read_ratio(ratio: float):
    return {"ratio": ratio}


@app.get("/orders/{order_id:uuid}")
def read_order_converter(order_id: UUID):
    return {"order_id": order_id, "version": order_id.version}


# --- type-annotated parameters (str convertor, validated by pydantic) ----
@app.get("/tickets/{ticket_id}")
def read_ticket(ticket_id: UUID):
    return {"ticket_id": str(ticket_id), "hex": ticket_id.hex}


@app.get("/prices/{amount}")
def read_price(amount: float):
    return {"amount": amount, "doubled": amount * 2}


@app.get("/flags/{flag}")
def read_flag(flag: bool):
    return {"flag": flag}


# --- enums ----------------------------------------------------------------
@app.get("/regions/{region}")
async def read_region(region: Region):
    if region is Region.eu:
        return {"region": region, "message": "Data stays in Frankfurt"}
    if region.value == "us":
        return {"region": region, "message": "Data stays in Virginia"}
    return {"region": region, "message": "Data stays in Mumbai"}


@app.get("/queues/{priority}")
async def read_queue(priority: Priority):
    return {"priority": priority, "name": priority.name}


# --- numeric validation with Path() ------------------------------------------
@app.get("/catalog/{item_id}")
async def read_catalog_item(
    item_id: Annotated[int, Path(title="The ID of the item to get", ge=1, le=1000)],
):
    return {"item_id": item_id}


@app.get("/shelves/{shelf}/slots/{slot}")
def read_slot(
    *,
    shelf: int = Path(gt=0, lt=50, description="Shelf number, 1 to 49"),
    slot: Annotated[float, Path(ge=0, lt=10.5, title="Slot position")],
):
    return {"shelf": shelf, "slot": slot}


@app.get("/codes/{code}")
def read_code(
    code: Annotated[str, Path(min_length=3, max_length=6, pattern="^[A-Z]+$", description="Upper-case code")],
):
    return {"code": code}


@app.get("/regions/{region}/priorities/{priority}")
def read_region_priority(region: Region, priority: Annotated[Priority, Path(description="Queue priority")]):
    return {"region": region.value, "priority": priority.value}
