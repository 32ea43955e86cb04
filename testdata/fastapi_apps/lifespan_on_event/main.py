from fastapi import FastAPI, HTTPException

app = FastAPI(title="Startup events")

items: dict[str, dict] = {}
events: list[str] = []


@app.on_event("startup")
async def load_items():
    items["foo"] = {"name": "Fighters"}
    items["bar"] = {"name": "Tenders"}
    events.append("startup:items")


@app.on_event("startup")
def second_startup():
    events.append(f"startup:second:{len(items)}")


@app.on_event("shutdown")
def write_log():
    events.append("shutdown")


@app.get("/items/{item_id}")
async def read_items(item_id: str):
    if item_id not in items:
        raise HTTPException(status_code=404, detail="Item not found")
    return items[item_id]


@app.get("/events")
def read_events():
    return {"events": events, "count": len(items)}
