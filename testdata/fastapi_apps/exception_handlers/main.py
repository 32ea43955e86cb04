"""Custom exception handlers: app-specific errors, HTTPException overrides, custom 422 body."""
from typing import Annotated

from fastapi import FastAPI, HTTPException, Path, Query, Request, status
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler as default_http_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException


class OutOfStock(Exception):
    def __init__(self, sku: str, wanted: int):
        self.sku = sku
        self.wanted = wanted


class PaymentRequired(Exception):
    pass


class InsufficientCredit(PaymentRequired):
    def __init__(self, missing: float):
        self.missing = missing


async def payment_required_handler(request: Request, exc: PaymentRequired):
    extra = {"missing": exc.missing} if isinstance(exc, InsufficientCredit) else {}
    return JSONResponse(status_code=402, content={"error": "payment_required", **extra})


def teapot_handler(request: Request, exc: Exception):
    return PlainTextResponse("I refuse to brew coffee", status_code=418)


app = FastAPI(
    title="Error handling",
    exception_handlers={PaymentRequired: payment_required_handler, 418: teapot_handler},
)


@app.exception_handler(OutOfStock)
async def out_of_stock_handler(request: Request, exc: OutOfStock):
    return JSONResponse(
        status_code=409,
        content={"error": "out_of_stock", "sku": exc.sku, "wanted": exc.wanted, "path": request.url.path},
        headers={"X-Error-Code": "E-STOCK"},
    )


@app.exception_handler(StarletteHTTPException)
async def custom_http_exception_handler(request: Request, exc: StarletteHTTPException):
    if request.url.path.startswith("/legacy"):
        return PlainTextResponse(f"legacy error: {exc.detail}", status_code=exc.status_code)
    if exc.status_code == 404 and not request.url.path.startswith("/stock"):
        return JSONResponse(
            status_code=404,
            content={"error": "not_found", "message": f"Nothing at {request.url.path}"},
        )
    return await default_http_handler(request, exc)


@app.exception_handler(RequestValidationError)
async def validation_exception_handler(request: Request, exc: RequestValidationError):
    problems = []
    for err in exc.errors():
        problems.append({"field": ".".join(str(p) for p in err["loc"]), "problem": err["msg"], "kind": err["type"]})
    return JSONResponse(
        status_code=status.HTTP_400_BAD_REQUEST,
        content=jsonable_encoder({"error": "invalid_request", "problems": problems, "body": exc.body}),
    )


STOCK = {"apple": 3, "pear": 0}


class Order(BaseModel):
    sku: str = Field(min_length=2)
    quantity: int = Field(gt=0, le=100)


@app.get("/stock/{sku}")
async def read_stock(sku: str):
    if sku not in STOCK:
        raise HTTPException(status_code=404, detail={"sku": sku, "reason": "unknown"}, headers={"X-Sku": sku})
    return {"sku": sku, "available": STOCK[sku]}


@app.post("/orders", status_code=201)
async def create_order(order: Order):
    available = STOCK.get(order.sku, 0)
    if order.quantity > available:
        raise OutOfStock(order.sku, order.quantity)
    STOCK[order.sku] = available - order.quantity
    return {"ok": True, "remaining": STOCK[order.sku]}


@app.post("/checkout")
def checkout(total: Annotated[float, Query(ge=0)], credit: float = 10.0):
    if credit <= 0:
        raise PaymentRequired()
    if total > credit:
        raise InsufficientCredit(round(total - credit, 2))
    return {"charged": total}


@app.get("/coffee")
def coffee():
    raise HTTPException(status_code=418)


@app.get("/legacy/{code}")
def legacy(code: Annotated[int, Path(ge=100, le=599)]):
    raise HTTPException(status_code=code, detail=f"code {code}")


@app.get("/forbidden")
def forbidden():
    raise StarletteHTTPException(status_code=403, detail="Starlette says no")


@app.get("/no-content-error")
def no_content_error():
    raise HTTPException(status_code=304)


@app.get("/crash")
def crash():
    return {"ratio": 1 / 0}


@app.get("/value-error")
async def value_error():
    raise ValueError("unhandled value error")
