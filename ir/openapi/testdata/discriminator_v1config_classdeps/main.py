from enum import Enum, auto
from typing import Annotated, Dict, List, Literal, Optional, Union
from fastapi import Depends, FastAPI, Query
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from pydantic import BaseModel, Field, conlist

class Shade(Enum):
    LIGHT = auto()
    DARK = auto()

class A(BaseModel):
    t: Literal["a"] = "a"
    x: int = 0

class B(BaseModel):
    t: Literal["b"] = "b"
    y: str = ""

class Base(BaseModel):
    id: int
    name: str = "n"

class Child(Base):
    name: str = "child"
    extra: conlist(int, min_length=1) = [1]
    shade: Shade = Shade.DARK

class Old(BaseModel):
    tags: List[str] = Field([], min_items=1)
    v: Optional[str] = Field(None, validation_alias="vv")
    class Config:
        schema_extra = {"example": {"tags": ["a"]}}

class Getter:
    def __init__(self, q: Annotated[Optional[int], Query(ge=1)] = None, flag: bool = False):
        self.q = q

app = FastAPI()

@app.post("/shapes")
def shapes(items: List[Annotated[Union[A, B], Field(discriminator="t")]]) -> Dict[str, Child]: ...

@app.get("/old", response_model=Old)
def old(g: Getter = Depends(), creds: HTTPBasicCredentials = Depends(HTTPBasic(realm="r"))) : ...

@app.post("/old")
def post_old(o: Old, lit: Literal[Shade.LIGHT] = Shade.LIGHT, n: int | None = None, l: list[int] | None = Query(None)): ...

@app.get("/stream")
async def stream():
    yield {"a": 1}
