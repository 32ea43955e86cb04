from fastapi import FastAPI

from uuid import UUID

from models import Color, Item, Level, Mode, Note, NotePatch, Owner, Priority, Region, Shade, Ticket

app = FastAPI()


@app.post("/items")
def create_item(item: Item) -> Item:
    return item


@app.post("/owners")
def create_owner(owner: Owner) -> Owner:
    return owner


@app.get("/ext/{r}/{p}/{c}/{u}")
def ext(r: Region, p: Priority, c: Color, u: UUID, lv: Level, md: Mode, sh: Shade):
    return None


@app.post("/tickets")
def create_ticket(ticket: Ticket) -> Ticket:
    return ticket


@app.patch("/notes")
def patch_note(patch: NotePatch) -> Note:
    return Note(title="a")
