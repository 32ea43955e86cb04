from fastapi import FastAPI, HTTPException, status
from pydantic import BaseModel

app = FastAPI()

ITEMS = {"foo": {"name": "Foo", "price": 50.2}, "bar": {"name": "Bar", "price": 62}}
LIMIT = 10 * 2

class Item(BaseModel):
    name: str
    price: float
    tags: list[str] = []

def helper(a, b=2):
    return a * b + LIMIT

@app.get("/")
def root():
    """Doc."""
    return {"message": "Hello World"}

@app.get("/items/{item_id}")
async def read_item(item_id: str, q: str | None = None):
    if item_id not in ITEMS:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Item not found", headers={"X-Error": "There goes my error"})
    elif q:
        return {"item": ITEMS[item_id], "q": q.upper()}
    x = helper(len(item_id)) // 3 if q is None else 0
    y = f"{x:>5}|{item_id!r}"
    return {"item_id": item_id, "x": x, "y": y, "ok": x > 1 and y}

@app.post("/items")
def create(item: Item):
    d = item.model_dump()
    d["total"] = item.price * 1.2
    new = Item(name=item.name.strip(), price=item.price + 1)
    return [d, new.name, new]
