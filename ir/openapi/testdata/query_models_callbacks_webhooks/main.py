from typing import Annotated, Any, Optional
from fastapi import APIRouter, Body, Cookie, Depends, FastAPI, Path, Query
from pydantic import BaseModel, Field

class Filters(BaseModel):
    model_config = {"extra": "forbid"}
    limit: int = Field(10, gt=0, le=100)
    order: Optional[str] = None

class Opts(BaseModel):
    a: int = 1

class Event(BaseModel):
    id: int

cb = APIRouter()

@cb.post("{$request.body.url}/events", response_model=None)
def on_event(body: Event): ...

app = FastAPI(servers=[{"url": "https://api.example.com", "description": "prod"}],
              contact={"name": "Me", "url": "https://example.com"}, license_info={"name": "MIT", "url": "https://mit.example.com"},
              openapi_tags=[{"name": "t", "externalDocs": {"url": "https://docs.example.com"}}])

@app.get("/f", tags=["t"], callbacks=cb.routes)
def f(filters: Annotated[Filters, Query()], c: Annotated[Optional[str], Cookie()] = None): ...

@app.get("/g/{x}")
def g(x: Annotated[float, Path(ge=0.5, title="The X")], opts: Annotated[Opts, Depends()]): ...

@app.post("/any")
def any_body(data: Any = Body(None), extra: dict[str, Any] = Body(default_factory=dict)) -> Any: ...

@app.webhooks.post("hook")
def hook(ev: Event, token: str = Query()): ...

@app.get("/dupe")
def dupe(a: int, b: Annotated[int, Query(alias="a")] = 3): ...
