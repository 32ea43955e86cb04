"""Keywords outside Query()/Field()'s signatures (**extra): FastAPI and pydantic put them in
json_schema_extra (unless json_schema_extra is given) and do not validate with them;
Field(min_items=) is pydantic's renamed min_length."""
from typing import List

from fastapi import Body, FastAPI, Header, Path, Query
from pydantic import BaseModel, Field


class Item(BaseModel):
    a: str = Field(strip_whitespace=True, to_lower=True)
    b: List[int] = Field(min_items=1)
    c: str = Field("x", json_schema_extra={"k": 1}, foo=2)
    d: str = Field("y", json_schema_extra={}, to_upper=True)


app = FastAPI()


@app.post("/items/{p}")
def create(
    item: Item,
    p: str = Path(strip_whitespace=True, to_upper=True),
    q: str = Query(strip_whitespace=True, to_lower=True),
    tags: List[str] = Query([], min_items=2, max_items=5),
    r: str = Query("z", json_schema_extra={"k": 1}, to_lower=True),
    s: str = Query("s", convert_underscores=False),
    x_token: str = Header("t", to_lower=True, min_length=1),
    n: int = Body(0, embed=True, strict_mode=True),
):
    return {"p": p, "q": q}
