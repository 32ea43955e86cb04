from typing import Annotated, Optional

from fastapi import APIRouter, Depends, HTTPException, Path, status

from .. import constants as C
from ..db import ITEMS_DB as db
from ..dependencies import get_token_header
from ..models import Item, ItemCreate, Message

router = APIRouter(
    prefix=C.ITEMS_PREFIX,
    tags=[C.ITEMS],
    dependencies=[Depends(get_token_header)],
    responses={404: {"description": "Item not found"}},
)


@router.get("/", response_model=list[Item])
async def read_items(tag: Optional[str] = None):
    items = list(db.values())
    if tag is not None:
        items = [i for i in items if tag in i.tags]
    return items


@router.get("/{item_id}")
async def read_item(item_id: Annotated[int, Path(ge=1, le=1000)]) -> Item:
    if item_id not in db:
        raise HTTPException(status_code=404, detail="Item not found")
    return db[item_id]


@router.post("/", status_code=status.HTTP_201_CREATED, response_model=Item)
def create_item(payload: ItemCreate):
    new_id = max(db) + 1 if db else 1
    item = Item(id=new_id, **payload.model_dump())
    db[new_id] = item
    return item


@router.put(
    "/{item_id}",
    tags=["custom"],
    responses={403: {"description": "Operation forbidden", "model": Message}},
)
async def update_item(item_id: int, payload: ItemCreate) -> Item:
    if item_id != 1:
        raise HTTPException(status_code=403, detail="You can only update the item: plumbus")
    item = Item(id=item_id, owner="rick", **payload.model_dump())
    db[item_id] = item
    return item


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT, deprecated=True)
def delete_item(item_id: int):
    if item_id not in db:
        raise HTTPException(status_code=404, detail="Item not found")
    del db[item_id]
