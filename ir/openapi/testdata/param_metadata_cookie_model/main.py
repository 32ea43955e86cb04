from typing import Annotated, Literal, Optional, Union
from fastapi import Cookie, Depends, FastAPI, Path, Query
from pydantic import BaseModel, Field

class CookieModel(BaseModel):
    session: str
    theme: str = "dark"

class Tagged(BaseModel):
    tags: set[str] = {"b", "a", "c"}
    maybe: int = Field(default=None)

def dep(q: int = 0):
    return q

app = FastAPI()

@app.get("/a/{id}")
def a(id: Annotated[int, Path(title="Ident", description="the id", examples=[1, 2])],
      f: Annotated[str, Field(description="d", min_length=2)] = "xx",
      u: Union[int, str] = 0, ou: Optional[Union[int, str]] = None, b: bytes = b"",
      fl: Annotated[float, Query(allow_inf_nan=False, title="Fl")] = 1.5,
      lit: Literal["a", "b"] = "a",
      d1: int = Depends(dep), d2: int = Depends(dep, use_cache=False)): ...

@app.get("/c")
def c(ck: Annotated[CookieModel, Cookie()]) -> Tagged: ...
