"""An invoicing API that cares a lot about its OpenAPI document."""

from decimal import Decimal
from typing import Annotated, Optional

from fastapi import APIRouter, Body, FastAPI, Query
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field, HttpUrl


def unique_id(route: APIRoute) -> str:
    if route.tags:
        return f"{route.tags[0]}-{route.name}"
    return route.name


DESCRIPTION = """
Invoicing API helps you bill customers. 🚀

## Invoices

You can **create** and **read** invoices.
"""

tags_metadata = [
    {"name": "invoices", "description": "Operations with invoices. The **billing** logic is here."},
    {
        "name": "customers",
        "description": "Manage customers.",
        "externalDocs": {"description": "Customer docs", "url": "https://example.com/docs/customers"},
    },
    {"name": "internal"},
]

app = FastAPI(
    title="Invoicing API",
    summary="Bills, customers and payment callbacks.",
    description=DESCRIPTION,
    version="1.4.2",
    terms_of_service="https://example.com/terms/",
    contact={"name": "Billing Team", "url": "https://example.com/contact/", "email": "billing@example.com"},
    license_info={"name": "Apache 2.0", "identifier": "Apache-2.0"},
    openapi_tags=tags_metadata,
    servers=[
        {"url": "https://stag.example.com", "description": "Staging environment"},
        {"url": "https://prod.example.com", "description": "Production environment"},
    ],
    swagger_ui_parameters={"syntaxHighlight": False, "defaultModelsExpandDepth": -1},
    separate_input_output_schemas=False,
    openapi_url="/api/v1/openapi.json",
    docs_url="/api/docs",
    redoc_url="/api/redoc",
    generate_unique_id_function=unique_id,
)


class Invoice(BaseModel):
    id: str
    title: Optional[str] = None
    customer: str
    total: Decimal = Field(default=Decimal("0"), max_digits=10, decimal_places=2)
    paid: bool = False


class InvoiceEvent(BaseModel):
    description: str
    paid: bool


class InvoiceEventReceived(BaseModel):
    ok: bool


class Customer(BaseModel):
    """A paying customer.

    Used in invoices.
    \f
    This part is for developers only and is cut from the schema.
    """

    name: str = Field(description="Full legal name")
    vat: Optional[str] = Field(default=None, examples=["FR123456789"])


class Subscription(BaseModel):
    username: str
    monthly_fee: float
    start_date: str


invoices_callback_router = APIRouter()


@invoices_callback_router.post(
    "{$callback_url}/invoices/{$request.body.id}", response_model=InvoiceEventReceived
)
def invoice_notification(body: InvoiceEvent):
    pass


@app.webhooks.post("new-subscription")
def new_subscription(body: Subscription):
    """When a new user subscribes to the service we'll send a POST request with this data."""


INVOICES = {"inv-1": Invoice(id="inv-1", title="Setup", customer="acme", total=Decimal("120.50"))}


@app.post("/invoices", tags=["invoices"], callbacks=invoices_callback_router.routes, status_code=201)
def create_invoice(invoice: Invoice, callback_url: Annotated[Optional[HttpUrl], Query()] = None):
    """
    Create an invoice.

    This will (let's imagine) let the API user (some external developer) create an
    invoice. And this path operation will:

    * Send the invoice to the client.
    * Collect the money from the client.
    * Send a notification back to the API user (the external developer), as a callback.
    \f
    :param invoice: internal notes that do not belong in the docs.
    """
    INVOICES[invoice.id] = invoice
    return {"msg": "Invoice received", "id": invoice.id}


@app.get(
    "/invoices/{invoice_id}",
    tags=["invoices"],
    summary="Read one invoice",
    description="Returns a single invoice by id. Totals are strings.",
    response_description="The invoice",
)
def read_invoice(invoice_id: str) -> Invoice:
    return INVOICES[invoice_id]


@app.get("/invoices", tags=["invoices"], operation_id="listAllInvoices")
async def list_invoices(paid: Optional[bool] = None) -> list[Invoice]:
    return [i for i in INVOICES.values() if paid is None or i.paid == paid]


@app.get("/customers", tags=["customers"], deprecated=True)
async def list_customers_legacy():
    """Old listing, use /v2/customers."""
    return [{"name": "acme"}]


@app.get("/v2/customers", tags=["customers", "internal"])
async def list_customers() -> list[Customer]:
    return [Customer(name="ACME Corp", vat="FR123456789")]


@app.post("/customers", tags=["customers"], summary="Create a customer")
def create_customer(customer: Annotated[Customer, Body(examples=[{"name": "Globex", "vat": None}])]) -> Customer:
    return customer


@app.get("/internal/health", include_in_schema=False)
def health():
    return {"status": "ok"}


@app.post(
    "/invoices/import",
    tags=["internal"],
    openapi_extra={
        "x-aperture-labs-portal": "blue",
        "requestBody": {
            "content": {"text/csv": {"schema": {"type": "string"}}},
            "required": True,
        },
    },
)
def import_invoices():
    return {"imported": 0}


@app.get("/untagged")
def untagged(limit: int = 10):
    """First line of the description.

    Second paragraph.
    """
    return {"limit": limit}
