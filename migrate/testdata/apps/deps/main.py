"""Dependencies: chains, per-request caching (use_cache), dependencies= at the app, router
and route, errors of dependencies before the endpoint's own, HTTPException from a
dependency before body validation, security schemes."""
from typing import Annotated, Optional

from fastapi import APIRouter, Body, Depends, FastAPI, Header, HTTPException, Query
from fastapi.security import APIKeyCookie, APIKeyHeader, APIKeyQuery, HTTPBasic, HTTPBasicCredentials, HTTPBearer
from pydantic import BaseModel


def app_check(x_block: Annotated[Optional[str], Header()] = None):
    if x_block == "yes":
        raise HTTPException(status_code=403, detail="blocked")


app = FastAPI(title="Dependencies", dependencies=[Depends(app_check)])

basic = HTTPBasic(realm="deps")
bearer = HTTPBearer(auto_error=False)
header_key = APIKeyHeader(name="X-Key", auto_error=False)
query_key = APIKeyQuery(name="key")
cookie_key = APIKeyCookie(name="sid", auto_error=False)


class Item(BaseModel):
    name: str
    qty: int = 1


def pagination(skip: int = 0, limit: Annotated[int, Query(le=50)] = 10):
    return {"skip": skip, "limit": limit}


def counted(n: Annotated[int, Query(alias="n")] = 1):
    return {"n": n}


def needs_pagination(p: Annotated[dict, Depends(pagination)], tag: Optional[str] = None):
    return {"page": p, "tag": tag}


def lookup(item_id: int):
    if item_id > 100:
        raise HTTPException(status_code=404, detail="Item not found", headers={"X-Reason": "range"})
    return {"id": item_id}


@app.get("/page")
def page(p: Annotated[dict, Depends(pagination)], again: Annotated[dict, Depends(pagination)]):
    return {"p": p, "again": again}


@app.get("/nested")
def nested(info: Annotated[dict, Depends(needs_pagination)], direct: Annotated[dict, Depends(pagination)]):
    return {"info": info, "direct": direct}


@app.get("/nocache")
def nocache(a: Annotated[dict, Depends(counted, use_cache=False)], b: Annotated[dict, Depends(counted)]):
    return {"a": a, "b": b}


@app.get("/errors/{item_id}")
def errors(item: Annotated[dict, Depends(lookup)], p: Annotated[dict, Depends(pagination)], q: int):
    return {"item": item, "p": p, "q": q}


@app.put("/items/{item_id}")
def put_item(found: Annotated[dict, Depends(lookup)], item: Item, note: Annotated[str, Body()] = ""):
    return {"found": found, "item": item, "note": note}


def basic_user(creds: Annotated[HTTPBasicCredentials, Depends(basic)]):
    if creds.username != "ann" or creds.password != "pw":
        raise HTTPException(status_code=401, detail="bad credentials", headers={"WWW-Authenticate": "Basic"})
    return creds.username


@app.get("/basic")
def basic_route(user: Annotated[str, Depends(basic_user)]):
    return {"user": user}


@app.get("/bearer")
def bearer_route(creds=Depends(bearer)):
    if creds is None:
        return {"token": None}
    return {"scheme": creds.scheme, "token": creds.credentials}


@app.get("/keys")
def keys(h: Annotated[Optional[str], Depends(header_key)], c: Annotated[Optional[str], Depends(cookie_key)]):
    return {"header": h, "cookie": c}


@app.get("/query-key", dependencies=[Depends(query_key)])
def query_key_route():
    return {"ok": True}


router = APIRouter(prefix="/r", dependencies=[Depends(counted)])


@router.get("/x", dependencies=[Depends(pagination)])
def router_route(p: Annotated[dict, Depends(pagination)]):
    return {"p": p}


app.include_router(router)
