import datetime
import uuid
from enum import Enum
from typing import Annotated, List, Optional, Union
from fastapi import APIRouter, Body, FastAPI, Path, Query, status
from pydantic import BaseModel, Field
from pkg import a, b

class Color(Enum):
    RED = "red"
    GREEN = 2

class Event(BaseModel):
    when: datetime.date = datetime.date(2020, 1, 2)
    at: Optional[datetime.datetime] = None
    tz: datetime.time = datetime.time(10, 20)
    uid: uuid.UUID = uuid.UUID("12345678-1234-5678-1234-567812345678")
    nums: List[Annotated[int, Field(gt=0, title="N")]] = []
    opt: Optional[Annotated[int, Field(gt=0)]] = None
    meta: dict = Field(default_factory=dict, json_schema_extra={"x-foo": 1})
    color: Color = Color.RED

app = FastAPI()
hidden = APIRouter(include_in_schema=False)

@hidden.get("/hidden")
def hidden_route(): ...

app.include_router(hidden)

@app.post("/two", status_code=status.HTTP_201_CREATED)
def two(x: a.Item, y: b.Item) -> b.Item: ...

@app.post("/events/{color}", responses={200: {"headers": {"X-Rate": {"description": "rate", "schema": {"type": "integer"}}}}},
          openapi_extra={"parameters": [{"name": "X-Extra", "in": "header", "schema": {"type": "string"}}]})
def events(color: Color, ev: Annotated[Event, Body(embed=True, examples=[{"when": "2020-01-01"}])],
           q: str = Query("d", regex="^d", example="dd"), n: int = Query(1, deprecated=True)) -> List[Event]: ...

@app.get("/nocontent", status_code=204)
def nocontent() -> None: ...

@app.get("/union", response_model=Union[a.Item, None])
def union(): ...
