"""An inventory service that fails in all the usual ways."""

from datetime import date
from typing import Annotated, Optional

from fastapi import Body, FastAPI, HTTPException, Query, status
from pydantic import BaseModel, Field

app = FastAPI(title="Inventory errors")

STOCK = {"apple": 3, "pear": 0}


class Restock(BaseModel):
    sku: str = Field(min_length=2)
    quantity: int = Field(gt=0)
    expires: Optional[date] = None
    warehouse: Optional[int] = None


@app.get("/stock/{sku}")
async def read_stock(sku: str):
    if sku not in STOCK:
        raise HTTPException(status_code=404, detail="Item not found")
    return {"sku": sku, "quantity": STOCK[sku]}


@app.get("/stock/{sku}/reserve")
def reserve(sku: str, quantity: int = 1):
    available = STOCK.get(sku)
    if available is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail={"error": "unknown_sku", "sku": sku})
    if quantity > available:
        raise HTTPException(
            status_code=409,
            detail=[{"msg": "insufficient stock", "available": available, "requested": quantity}],
            headers={"X-Error": "There goes my error", "Retry-After": "30"},
        )
    return {"reserved": quantity}


@app.get("/teapot")
def teapot():
    raise HTTPException(status_code=418)


@app.get("/teapot/custom")
def teapot_custom():
    raise HTTPException(status_code=418, detail="I refuse to brew coffee")


@app.get("/codes/{code}")
def code(code: int):
    raise HTTPException(status_code=code)


@app.get("/detail-none")
def detail_none():
    raise HTTPException(status_code=400, detail=None)


@app.get("/detail-number")
def detail_number():
    raise HTTPException(status_code=400, detail=12.5)


@app.get("/auth-required")
def auth_required():
    raise HTTPException(
        status_code=401, detail="Not authenticated", headers={"WWW-Authenticate": "Bearer"}
    )


@app.get("/crash")
def crash():
    raise RuntimeError("boom")


@app.get("/crash/async")
async def crash_async():
    return {"ratio": 1 / 0}


@app.get("/crash/key")
def crash_key(sku: str = "missing"):
    return {"quantity": STOCK[sku]}


@app.get("/unserializable")
def unserializable():
    return {"value": object()}


@app.get("/nan")
def nan():
    return {"value": float("nan")}


@app.post("/restock")
def restock(item: Restock):
    STOCK[item.sku] = STOCK.get(item.sku, 0) + item.quantity
    return {"sku": item.sku, "quantity": STOCK[item.sku]}


@app.post("/restock/bulk")
def restock_bulk(items: list[Restock], dry_run: bool = False):
    return {"count": len(items), "dry_run": dry_run}


@app.get("/validate")
def validate_many(
    i: int,
    f: float,
    b: bool,
    d: date,
    n: Annotated[int, Query(ge=10, le=20)],
    s: Annotated[str, Query(max_length=3)],
    l: Annotated[list[int], Query()] = [],
):
    return {"i": i, "f": f, "b": b, "d": d, "n": n, "s": s, "l": l}


@app.post("/adjust/{sku}")
def adjust(sku: str, delta: Annotated[int, Body(embed=True)], reason: Annotated[str, Body(embed=True)] = "manual"):
    if sku not in STOCK:
        raise HTTPException(404, "Item not found")
    STOCK[sku] += delta
    return {"sku": sku, "quantity": STOCK[sku], "reason": reason}
