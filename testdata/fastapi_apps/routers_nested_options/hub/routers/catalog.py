from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException

from ..callbacks import events
from ..deps import Paging, audited, registered, request_id
from ..ids import method_id, tagged_id
from ..models import Message, Product
from . import reviews

ERRORS = {}
ERRORS[409] = {"description": "Version conflict", "model": Message}

PRODUCTS = {1: Product(id=1, name="Lamp")}

router = APIRouter(
    prefix="/catalog",
    tags=["catalog"],
    dependencies=[Depends(request_id)],
    responses={404: {"model": Message, "description": "Not in the catalog"}},
    generate_unique_id_function=tagged_id,
    callbacks=events.routes,
)


@router.get("/products", response_model=list[Product])
@registered
async def list_products(paging: Annotated[Paging, Depends()]):
    items = list(PRODUCTS.values())
    return items[(paging.page - 1) * paging.size : paging.page * paging.size]


@router.get("/products/{product_id}", response_model=Product, responses=ERRORS)
@audited
async def get_product(product_id: int):
    """One product, by id."""
    if product_id not in PRODUCTS:
        raise HTTPException(status_code=404, detail="Not in the catalog")
    return PRODUCTS[product_id]


@router.post("/products", response_model=Product, status_code=201, generate_unique_id_function=method_id)
async def create_product(product: Product):
    PRODUCTS[product.id] = product
    return product


router.include_router(
    reviews.router,
    prefix="/products/{product_id}/reviews",
    tags=["reviews"],
    responses={403: {"description": "Reviews are closed"}},
)
