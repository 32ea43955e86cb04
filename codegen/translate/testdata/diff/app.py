from fastapi import FastAPI

from models import Item, Owner

app = FastAPI()


@app.post("/items")
def create_item(item: Item) -> Item:
    return item


@app.post("/owners")
def create_owner(owner: Owner) -> Owner:
    return owner
