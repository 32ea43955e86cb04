import json
from typing import Any
from fastapi import FastAPI
from fastapi.responses import JSONResponse, Response, PlainTextResponse
from pydantic import BaseModel


class Pretty(JSONResponse):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, indent=2, sort_keys=True, ensure_ascii=False).encode("utf-8") + b"\n"


class CSV(Response):
    media_type = "text/csv"
    charset = "utf-8"


class Vnd(JSONResponse):
    media_type = "application/vnd.api+json"


class Shout(PlainTextResponse):
    def render(self, content):
        return content.upper().encode("utf-8")


class Init(JSONResponse):
    def __init__(self, content, status_code=200, headers=None, media_type=None, background=None):
        super().__init__({"wrapped": content}, status_code, headers, media_type, background)


class Item(BaseModel):
    a: int
    b: float = 1.5


app = FastAPI(default_response_class=Pretty)


@app.get("/a")
def a():
    return {"z": 1, "a": [1, 2.5, None], "é": "ü"}


@app.get("/model")
def model() -> Item:
    return Item(a=1)


@app.get("/model-explicit", response_class=Pretty, status_code=201)
def model_explicit() -> Item:
    return Item(a=2)


@app.get("/csv", response_class=CSV)
def csv():
    return "a,b\n1,2\n"


@app.get("/csv-none", response_class=CSV)
def csv_none():
    return None


@app.get("/vnd", response_class=Vnd)
def vnd():
    return {"b": 1, "a": "é"}


@app.get("/shout", response_class=Shout)
def shout(q: str = "hi"):
    return q


@app.get("/shout-bad", response_class=Shout)
def shout_bad():
    return 3


@app.get("/direct")
def direct(n: int = 1):
    r = Pretty(content={"n": n, "b": [True]}, status_code=202, headers={"X-A": "1"})
    r.set_cookie("k", "v")
    return r


@app.get("/direct-csv")
def direct_csv():
    return CSV("x,y\n", media_type="text/plain")


@app.get("/direct-shout")
def direct_shout():
    return Shout("abc")


@app.get("/empty", status_code=204)
def empty():
    return None


@app.get("/init", response_class=Init)
def init():
    return {"x": 1}


@app.get("/keys")
def keys():
    return {10: "a", 9: ("b", 2.0), True: None}


@app.get("/mixed-keys")
def mixed_keys():
    return {1: "a", "b": 2}


@app.get("/nan")
def nan():
    return {"x": float("nan"), "y": [float("inf")]}


@app.get("/set-and-bytes")
def set_and_bytes():
    return {"s": {3}, "b": b"raw"}
