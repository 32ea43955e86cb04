"""Order / checkout API with deeply nested models and a discriminated payment union."""
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Annotated, Literal, Optional, Union

from fastapi import Body, FastAPI, HTTPException, Path, status
from pydantic import BaseModel, ConfigDict, Field, computed_field, field_validator

app = FastAPI(title="Checkout", version="1.2.0")

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[a-zA-Z]{2,}$"


class Country(str, Enum):
    us = "US"
    de = "DE"
    fr = "FR"


class Address(BaseModel):
    model_config = ConfigDict(extra="forbid")

    street: str = Field(min_length=3, max_length=100)
    city: str
    postal_code: str = Field(pattern=r"^[0-9]{5}$")
    country: Country = Country.us


class Customer(BaseModel):
    name: str = Field(min_length=1)
    email: str = Field(pattern=EMAIL_PATTERN, examples=["ann@example.com"])
    shipping_address: Address
    billing_address: Optional[Address] = None


class ItemOption(BaseModel):
    name: str
    value: str


class LineItem(BaseModel):
    sku: str = Field(pattern=r"^[A-Z]{3}-\d{3}$")
    quantity: int = Field(ge=1, le=99)
    unit_price: Decimal = Field(gt=0, max_digits=8, decimal_places=2)
    options: list[ItemOption] = Field(default_factory=list, max_length=3)


class CardPayment(BaseModel):
    method: Literal["card"]
    number: str = Field(pattern=r"^\d{16}$")
    exp_month: int = Field(ge=1, le=12)
    exp_year: int = Field(ge=2024)
    cvv: str = Field(min_length=3, max_length=4)


class PayPalPayment(BaseModel):
    method: Literal["paypal"]
    account_email: str = Field(pattern=EMAIL_PATTERN)


class BankTransfer(BaseModel):
    method: Literal["bank"]
    iban: str = Field(min_length=15, max_length=34)
    reference: Optional[str] = None

    @field_validator("iban")
    @classmethod
    def iban_uppercase(cls, v: str) -> str:
        if not v[:2].isalpha():
            raise ValueError("IBAN must start with a country code")
        return v.replace(" ", "").upper()


Payment = Annotated[Union[CardPayment, PayPalPayment, BankTransfer], Field(discriminator="method")]


class OrderIn(BaseModel):
    customer: Customer
    items: list[LineItem] = Field(min_length=1, max_length=5)
    payment: Payment
    coupon: Optional[str] = Field(default=None, max_length=12)
    gift: bool = False
    deliver_on: Optional[date] = None


class PaymentSummary(BaseModel):
    method: str
    last4: Optional[str] = None
    account_email: Optional[str] = None


class LineOut(BaseModel):
    sku: str
    quantity: int
    unit_price: Decimal
    options: list[ItemOption] = []

    @computed_field
    @property
    def line_total(self) -> Decimal:
        return self.unit_price * self.quantity


class CustomerOut(BaseModel):
    name: str
    email: str
    shipping_address: Address


class OrderOut(BaseModel):
    id: int
    status: str
    customer: CustomerOut
    items: list[LineOut]
    payment: PaymentSummary
    total: Decimal
    deliver_on: Optional[date] = None


class OrderSummary(BaseModel):
    id: int
    status: str
    item_count: int


class OrderInDB(OrderOut):
    internal_notes: str = ""
    fraud_score: float = 0.0
    card_number: Optional[str] = None


ORDERS: dict[int, OrderInDB] = {}
COUPONS = {"TENOFF": Decimal("10.00")}


def summarize_payment(payment) -> PaymentSummary:
    if isinstance(payment, CardPayment):
        return PaymentSummary(method="card", last4=payment.number[-4:])
    if isinstance(payment, PayPalPayment):
        return PaymentSummary(method="paypal", account_email=payment.account_email)
    return PaymentSummary(method="bank")


@app.post("/orders", response_model=OrderOut, status_code=status.HTTP_201_CREATED)
async def create_order(order: OrderIn):
    subtotal = sum((i.unit_price * i.quantity for i in order.items), Decimal("0"))
    if order.coupon is not None:
        if order.coupon not in COUPONS:
            raise HTTPException(status_code=400, detail=f"Unknown coupon {order.coupon}")
        subtotal = max(Decimal("0.00"), subtotal - COUPONS[order.coupon])
    order_id = len(ORDERS) + 1
    stored = OrderInDB(
        id=order_id,
        status="pending",
        customer=order.customer.model_dump(),
        items=[i.model_dump() for i in order.items],
        payment=summarize_payment(order.payment),
        total=subtotal,
        deliver_on=order.deliver_on,
        internal_notes="gift wrap" if order.gift else "",
        fraud_score=0.12,
        card_number=getattr(order.payment, "number", None),
    )
    ORDERS[order_id] = stored
    return stored


@app.get("/orders", response_model=list[OrderSummary])
def list_orders():
    return [{"id": o.id, "status": o.status, "item_count": len(o.items)} for o in ORDERS.values()]


@app.get("/orders/{order_id}", response_model=OrderOut)
def get_order(order_id: Annotated[int, Path(gt=0)]):
    if order_id not in ORDERS:
        raise HTTPException(status_code=404, detail="Order not found")
    return ORDERS[order_id]


@app.get("/orders/{order_id}/payment", response_model=PaymentSummary, response_model_exclude_none=True)
def get_payment(order_id: int):
    if order_id not in ORDERS:
        raise HTTPException(status_code=404, detail="Order not found")
    return ORDERS[order_id].payment


@app.post("/orders/{order_id}/items", response_model=OrderOut)
def add_items(order_id: int, items: list[LineItem]):
    order = ORDERS.get(order_id)
    if order is None:
        raise HTTPException(status_code=404, detail="Order not found")
    for item in items:
        order.items.append(LineOut(**item.model_dump()))
        order.total += item.unit_price * item.quantity
    return order


@app.put("/orders/{order_id}/shipping")
def change_shipping(order_id: int, address: Annotated[Address, Body(embed=True)]):
    order = ORDERS.get(order_id)
    if order is None:
        raise HTTPException(status_code=404, detail="Order not found")
    order.customer.shipping_address = address
    return {"order_id": order_id, "shipping_address": address}


@app.post("/quote")
def quote(items: list[LineItem], coupon: Annotated[Optional[str], Body()] = None, express: bool = Body(False)):
    subtotal = sum((i.unit_price * i.quantity for i in items), Decimal("0"))
    discount = COUPONS.get(coupon or "", Decimal("0"))
    shipping = Decimal("15.00") if express else Decimal("4.99")
    return {"subtotal": subtotal, "discount": discount, "shipping": shipping, "total": subtotal - discount + shipping}
