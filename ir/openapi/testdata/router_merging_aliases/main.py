from enum import Enum
from typing import Annotated, Generic, List, Optional, TypeVar
from fastapi import APIRouter, Body, Cookie, Depends, FastAPI, Header, Query
from pydantic import BaseModel, Field

K = TypeVar("K")
V = TypeVar("V")

class Tags(Enum):
    items = "items"
    users = "users"

class Color(str, Enum):
    r = "r"

class Pair(BaseModel, Generic[K, V]):
    k: K
    v: V

class Inner(BaseModel):
    n: int = Field(serialization_alias="N")

class Outer(BaseModel):
    inner: Optional[List[Inner]] = None
    color: Color = Field(Color.r, title="Colour", description="c")

def dep_a(q: str = "a", hidden: Annotated[int, Query(include_in_schema=False)] = 0):
    yield q

def dep_b(q: str = "b", h: Annotated[list[str], Header()] = []):
    return q

app = FastAPI(responses={500: {"description": "boom"}}, title="T", version="9")
router = APIRouter(tags=[Tags.users], deprecated=True)

@router.get("/u/{uid}", tags=[Tags.items], deprecated=False, operation_id="getUser", summary="Get", response_description="The user", name="uu")
def get_user(uid: int, a=Depends(dep_a), b=Depends(dep_b), sid: Annotated[Optional[str], Cookie(alias="session-id")] = None) -> Pair[int, str]: ...

app.include_router(router, prefix="/api", responses={401: {"description": "auth"}})

@app.post("/outer")
def outer(o: Outer, title_body: Annotated[str, Body(title="TB", embed=True, alias="tb")] = "x") -> Outer: ...

@app.post("/single")
def single(o: Annotated[Outer, Body(title="Single", description="sd")]) -> Optional[Outer]: ...
