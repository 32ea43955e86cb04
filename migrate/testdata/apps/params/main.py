"""Path, query, header and cookie parameters: convertors, lists, aliases, constraints,
validated defaults and FastAPI's error order."""
from typing import Annotated, List, Literal, Optional, Union

from fastapi import Cookie, FastAPI, Header, Path, Query
from pydantic import StringConstraints

app = FastAPI(title="Parameters")


@app.get("/path/{n:int}/{x:float}/{rest:path}")
def path_convertors(n: int, x: float, rest: str):
    return {"n": n, "x": x, "rest": rest}


@app.get("/items/{item_id}")
def item(item_id: Annotated[int, Path(ge=1, le=1000)], flag: bool = False, ratio: float = 0):
    return {"item_id": item_id, "flag": flag, "ratio": ratio}


@app.get("/codes/{code}")
def code(code: Annotated[str, Path(min_length=2, max_length=4, pattern="^[A-Z]+$")]):
    return {"code": code}


@app.get("/search")
def search(
    q: Annotated[Optional[str], Query(min_length=2, max_length=8)] = None,
    page: int = Query(1, ge=1),
    size: Annotated[int, Query(alias="page-size", gt=0, le=50)] = 10,
    mode: Literal["all", "any"] = "all",
):
    return {"q": q, "page": page, "size": size, "mode": mode}


@app.get("/misconfigured")
def misconfigured(page: int = Query(0, ge=1), ratio: float = Query(5, lt=2)):
    return {"page": page, "ratio": ratio}


@app.get("/lists")
def lists(
    tag: Annotated[List[str], Query()] = [],
    n: Annotated[list[int], Query(max_length=3)] = [1, 2],
    opt: Annotated[Union[list[float], None], Query()] = None,
):
    return {"tag": tag, "n": n, "opt": opt}


@app.get("/required")
def required(a: int, b: str, c: Annotated[list[str], Query(min_length=1)]):
    return {"a": a, "b": b, "c": c}


@app.get("/headers")
def headers(
    user_agent: Annotated[Optional[str], Header()] = None,
    x_token: Annotated[str, Header()] = "none",
    x_raw_name: Annotated[Optional[str], Header(convert_underscores=False)] = None,
    x_num: Annotated[Optional[int], Header(alias="X-Number")] = None,
    x_multi: Annotated[Optional[list[str]], Header()] = None,
):
    return {"ua": user_agent, "token": x_token, "raw": x_raw_name, "num": x_num, "multi": x_multi}


@app.get("/cookies")
def cookies(session: Annotated[Optional[str], Cookie()] = None, count: Annotated[int, Cookie(ge=0)] = 0):
    return {"session": session, "count": count}


@app.get("/order/{p}")
def order(p: int, q: int, h: Annotated[int, Header()], c: Annotated[int, Cookie()]):
    return {"p": p, "q": q, "h": h, "c": c}


# A constrained alias used inside Query() and alone: both its constraints and Query's apply.
Handle = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=8)]


@app.get("/handles")
def handles(h: Annotated[Handle, Query()], alt: Annotated[Handle, Query(max_length=4)] = "ab"):
    return {"h": h, "alt": alt}

