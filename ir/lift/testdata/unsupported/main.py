"""An orders service that uses what covetgen cannot lift statically."""
import functools
import json
from typing import Annotated, Optional

from fastapi import Depends, FastAPI, Header, Query
from fastapi.openapi.utils import get_openapi
from fastapi_cache.decorator import cache
from mylib.types import Money
from pydantic import AliasChoices, BaseModel, ConfigDict, Field, SecretStr, WithJsonSchema
from shapely.geometry import Point
from sqlalchemy.orm import Session

from plugins import discover_reports


def camelize(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(word.title() for word in rest)


class Invoice(BaseModel):
    model_config = ConfigDict(alias_generator=camelize)

    invoice_id: int
    total_amount: float


def add_example(schema: dict) -> None:
    schema["examples"] = [{"sku": "A-1"}]


class Product(BaseModel):
    model_config = ConfigDict(json_schema_extra=add_example)

    sku: str


class Payment(BaseModel):
    amount: Money
    currency: str = "EUR"


class Customer(BaseModel):
    name: str = Field(validation_alias=AliasChoices("name", "full_name"))


type Cents = int


class Refund(BaseModel):
    amount: Cents
    reason: Optional[str] = None


app = FastAPI(title="Orders")


def get_db():
    yield None


def load_config() -> dict:
    with open("config.json") as f:
        return json.load(f)


def lenient(x_client: Annotated[Optional[str], Header()] = None): ...


def strict(x_client: Annotated[str, Header()]): ...


def rate_limiter(limit: int):
    if limit > 100:
        return lenient
    return strict


def audited(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        return await func(*args, **kwargs)

    return wrapper


@app.get("/orders")
def list_orders(db: Annotated[Session, Depends(get_db)], limit: int = 10):
    return []


@app.post("/invoices")
def create_invoice(invoice: Invoice) -> Invoice:
    return invoice


@app.get("/products/{sku}", response_model=Product)
def get_product(sku: str): ...


@app.post("/payments")
def pay(payment: Payment): ...


@app.post("/customers")
def add_customer(customer: Customer): ...


@app.post("/refunds")
def refund(body: Refund): ...


@app.get("/nearby")
def nearby(point: Annotated[Point, Query()]): ...


@app.get("/search", dependencies=[Depends(rate_limiter(load_config()["rate"]))])
def search(q: str): ...


@app.get("/items/{item_id}")
@audited
async def read_item(item_id: int, q: Optional[str] = None): ...


@app.get("/stats")
@cache(expire=60)
async def stats(): ...


for report in discover_reports():

    @app.get(f"/reports/{report}")
    def run_report(): ...


def custom_openapi():
    if app.openapi_schema:
        return app.openapi_schema
    app.openapi_schema = get_openapi(title="Orders", version="2.0.0", routes=app.routes)
    return app.openapi_schema


app.openapi = custom_openapi


class Account(BaseModel):
    password: SecretStr
    homes: list[Point] = []
    code: Annotated[str, WithJsonSchema({"type": "string", "format": "account-code"})]


@app.post("/accounts")
def add_account(account: Account): ...
