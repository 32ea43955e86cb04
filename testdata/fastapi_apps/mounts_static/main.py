from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, Query, Request
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

HERE = Path(__file__).resolve().parent

app = FastAPI(title="Main app with mounts")


class Item(BaseModel):
    id: int
    name: str


@app.get("/app")
def read_main(request: Request):
    return {
        "message": "Hello World from main app",
        "root_path": request.scope.get("root_path"),
        "path": request.url.path,
    }


@app.get("/items/{item_id}", response_model=Item)
async def read_item(item_id: int):
    return {"id": item_id, "name": f"main-{item_id}"}


subapi = FastAPI(title="Sub API", version="0.2.0")


@subapi.get("/sub")
def read_sub(request: Request):
    return {"message": "Hello World from sub API", "root_path": request.scope.get("root_path")}


@subapi.get("/items/{item_id}")
def read_sub_item(item_id: int, verbose: Annotated[bool, Query()] = False) -> Item:
    return Item(id=item_id, name="sub-verbose" if verbose else "sub")


app.mount("/subapi", subapi)
app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
app.mount("/site", StaticFiles(directory=str(HERE / "site"), html=True), name="site")
