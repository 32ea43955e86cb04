"""The response-class and streaming case table: how FastAPI 0.141 builds the response of
an endpoint with an app-defined response class, and how it streams a generator
endpoint (JSON Lines, server-sent events, a StreamingResponse given the generator).

usage: python3 stream_cases.py real            (FastAPI itself, through its ASGI app)
       python3 stream_cases.py compat BRIDGE   (worker.py's _class_response, with the
                                                stand-ins of covetgen_compat.py)
       python3 stream_cases.py record          (runs "real" with the reference stack on
                                                PYTHONPATH and writes stream_golden.json)

Prints {"stack": ..., "versions": ..., "cases": {name: response}} on stdout; a response
is {"status", "headers" [[name, value]...], "body" (latin-1 text)} or, when the request
fails, {"error": the exception's class name, "errors": its errors() when it has them}.
stream_compat_test.go requires the compat run to equal stream_golden.json. The compat
run passes each route the "rcls" spec codegen writes for it (CASES below).
"""

import sys

if __name__ == "__main__":
    _STACK = sys.argv[1] if len(sys.argv) > 1 else ""
    if _STACK == "compat":
        sys.path.insert(1, sys.argv[2])
        import covetgen_compat

        if not covetgen_compat.install():
            sys.exit("stream_cases.py compat: the real fastapi is importable; unset PYTHONPATH")
        import worker
        sys.path.remove(sys.argv[2])
    elif _STACK == "real":
        import fastapi

        if getattr(fastapi, "__covetgen_compat__", False):
            sys.exit("stream_cases.py real: fastapi is the compat stand-in")
    elif _STACK == "record":
        import json
        import os
        import subprocess
        from pathlib import Path

        here = Path(__file__).resolve().parent
        env = dict(os.environ, PYTHONHASHSEED="0", TZ="UTC")
        out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "real"], cwd=here, env=env,
                             capture_output=True, text=True)
        if out.returncode != 0:
            sys.stderr.write(out.stderr)
            sys.exit("stream_cases.py record: the real run failed (is the reference stack on PYTHONPATH?)")
        data = json.loads(out.stdout)
        (here / "stream_golden.json").write_text(json.dumps(data, ensure_ascii=True, sort_keys=True, indent=1) + "\n",
                                                 encoding="utf-8")
        print("stream_golden.json: %d cases" % (len(data["cases"]),))
        sys.exit(0)
    else:
        sys.exit(__doc__)

import asyncio
import concurrent.futures
import json
import platform
from collections.abc import AsyncIterable, Iterable, Iterator
from typing import Any, Optional

import pydantic
from pydantic import BaseModel, Field

import fastapi
import fastapi.encoders
from fastapi import BackgroundTasks, FastAPI, Response
from fastapi.responses import JSONResponse, PlainTextResponse, StreamingResponse
from fastapi.sse import EventSourceResponse, ServerSentEvent


class PrettyJSONResponse(JSONResponse):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, indent=2, sort_keys=True, ensure_ascii=False).encode("utf-8") + b"\n"


class CSVResponse(Response):
    media_type = "text/csv"
    charset = "utf-8"


class NDJSONStream(StreamingResponse):
    media_type = "application/x-ndjson"


class Tick(BaseModel):
    seq: int
    label: str
    ratio: float
    note: Optional[str] = None


class Aliased(BaseModel):
    item_id: int = Field(alias="itemId")
    extra: Optional[str] = None


def _noop(_):
    pass


app = FastAPI()
pretty = FastAPI(default_response_class=PrettyJSONResponse)


@app.get("/pretty", response_class=PrettyJSONResponse)
def pretty_dict():
    return {"b": 1, "a": "caf\u00e9", "n": None, "l": [1.5, 2]}


@app.get("/csv", response_class=CSVResponse)
def csv_text():
    return "id,title\n1,Caf\u00e9\n"


@app.get("/csv-bytes", response_class=CSVResponse)
def csv_bytes():
    return b"a,b\n"


@app.post("/status", response_class=PrettyJSONResponse, status_code=201)
def status_sub(response: Response, tasks: BackgroundTasks, flip: bool = True):
    response.headers["X-Sub"] = "yes"
    response.set_cookie("k", "v")
    if flip:
        response.status_code = 202
    tasks.add_task(_noop, "a task")
    return {"flip": flip}


@app.get("/no-body", response_class=PrettyJSONResponse, status_code=204)
def no_body():
    return {"ignored": True}


@app.get("/returned", response_class=PrettyJSONResponse)
def returned():
    return PlainTextResponse("as is", headers={"X-Own": "1"})


@app.get("/model", response_class=PrettyJSONResponse, response_model_exclude_none=True)
def model() -> Tick:
    return {"seq": 1, "label": "x", "ratio": 1, "note": None}


@app.get("/model-bad", response_class=PrettyJSONResponse)
def model_bad() -> Tick:
    return {"seq": "one"}


@pretty.get("/default-model")
def default_model() -> Tick:
    return Tick(seq=2, label="d", ratio=0.25)


@pretty.get("/default-plain")
def default_plain():
    return {"z": [1, {"y": None}], "a": "\u2713"}


@app.get("/jsonl")
async def jsonl_typed() -> AsyncIterable[Tick]:
    for i in range(3):
        yield Tick(seq=i, label="t\u00e9-%d" % i, ratio=i / 4)


@app.get("/jsonl-sync")
def jsonl_sync() -> Iterable[dict]:
    yield {"a": 1, "b": "\u00e9"}
    yield {"c": [None, 2.5]}


@app.get("/jsonl-untyped")
async def jsonl_untyped():
    yield {"a": 1, "b": "caf\u00e9"}
    yield [1, 2.5, None]
    yield "text"


@app.get("/jsonl-options", response_model_exclude_none=True)
def jsonl_options() -> Iterator[Aliased]:
    yield Aliased(itemId=1)
    yield {"itemId": 2, "extra": "x"}


@app.get("/jsonl-no-alias", response_model_by_alias=False)
def jsonl_no_alias() -> Iterator[Aliased]:
    yield Aliased(itemId=3)


@app.get("/jsonl-empty")
async def jsonl_empty() -> AsyncIterable[Tick]:
    if False:
        yield


@app.get("/jsonl-status", status_code=201)
async def jsonl_status(response: Response) -> AsyncIterable[int]:
    response.headers["X-Count"] = "2"
    yield 1
    yield 2


@app.get("/jsonl-bad")
async def jsonl_bad() -> AsyncIterable[Tick]:
    yield Tick(seq=0, label="ok", ratio=0)
    yield {"seq": "x"}


@app.get("/sse", response_class=EventSourceResponse)
async def sse_events():
    yield ServerSentEvent(data={"n": 1, "s": "\u00e9"}, event="count", id="1")
    yield ServerSentEvent(data=Tick(seq=1, label="m", ratio=0.5))
    yield ServerSentEvent(data="hello")
    yield ServerSentEvent(raw_data="line1\nline2\r\nline3", event="raw", retry=1500)
    yield ServerSentEvent(comment="first\nsecond")
    yield ServerSentEvent()
    yield {"plain": True}


@app.get("/sse-typed", response_class=EventSourceResponse)
def sse_typed() -> Iterable[Tick]:
    yield Tick(seq=1, label="one", ratio=0.5)
    yield {"seq": 2, "label": "two", "ratio": 1}


@app.post("/sse-status", response_class=EventSourceResponse, status_code=201)
async def sse_status(response: Response) -> AsyncIterable[ServerSentEvent]:
    response.headers["X-Sub"] = "1"
    yield ServerSentEvent(data=[1, 2])


@app.get("/sse-bad-event", response_class=EventSourceResponse)
def sse_bad_event():
    yield ServerSentEvent(event="a\nb")


@app.get("/sse-bad-id", response_class=EventSourceResponse)
def sse_bad_id():
    yield ServerSentEvent(id="x\0")


@app.get("/sse-bad-retry", response_class=EventSourceResponse)
def sse_bad_retry():
    yield ServerSentEvent(retry=-1)


@app.get("/sse-both-data", response_class=EventSourceResponse)
def sse_both_data():
    yield ServerSentEvent(data=1, raw_data="1")


@app.get("/raw", response_class=StreamingResponse)
async def raw_stream():
    for ch in "ab\u00e9":
        yield ch * 2


@app.get("/raw-sync", response_class=NDJSONStream)
def raw_sync(response: Response):
    response.headers["X-Raw"] = "1"
    yield b'{"a":1}\n'
    yield '{"b":"\u00e9"}\n'


# name -> (app, method, path, the "rcls" spec codegen writes for the route)
_OPTS = {"alias": 1, "mod": "__main__", "model": ""}
CASES = {
    "class/pretty": (app, "GET", "/pretty", {"cls": "__main__:PrettyJSONResponse"}),
    "class/csv": (app, "GET", "/csv", {"cls": "__main__:CSVResponse"}),
    "class/csv-bytes": (app, "GET", "/csv-bytes", {"cls": "__main__:CSVResponse"}),
    "class/status-sub": (app, "POST", "/status", {"cls": "__main__:PrettyJSONResponse", "st": 201}),
    "class/no-body": (app, "GET", "/no-body", {"cls": "__main__:PrettyJSONResponse", "st": 204}),
    "class/returned": (app, "GET", "/returned", {"cls": "__main__:PrettyJSONResponse"}),
    "class/model": (app, "GET", "/model", {"cls": "__main__:PrettyJSONResponse", "f": dict(_OPTS, none=1)}),
    "class/model-bad": (app, "GET", "/model-bad", {"cls": "__main__:PrettyJSONResponse", "f": _OPTS}),
    "class/default-model": (pretty, "GET", "/default-model", {"cls": "__main__:PrettyJSONResponse", "f": _OPTS}),
    "class/default-plain": (pretty, "GET", "/default-plain", {"cls": "__main__:PrettyJSONResponse"}),
    "jsonl/typed": (app, "GET", "/jsonl", {"cls": "fastapi.responses:JSONResponse", "stream": "jsonl", "f": _OPTS}),
    "jsonl/sync": (app, "GET", "/jsonl-sync", {"cls": "fastapi.responses:JSONResponse", "stream": "jsonl", "f": _OPTS}),
    "jsonl/untyped": (app, "GET", "/jsonl-untyped", {"cls": "fastapi.responses:JSONResponse", "stream": "jsonl",
                                                     "f": _OPTS}),
    "jsonl/options": (app, "GET", "/jsonl-options", {"cls": "fastapi.responses:JSONResponse", "stream": "jsonl",
                                                     "f": dict(_OPTS, none=1)}),
    "jsonl/no-alias": (app, "GET", "/jsonl-no-alias", {"cls": "fastapi.responses:JSONResponse", "stream": "jsonl",
                                                       "f": {"mod": "__main__", "model": ""}}),
    "jsonl/empty": (app, "GET", "/jsonl-empty", {"cls": "fastapi.responses:JSONResponse", "stream": "jsonl", "f": _OPTS}),
    "jsonl/status": (app, "GET", "/jsonl-status", {"cls": "fastapi.responses:JSONResponse", "stream": "jsonl", "st": 201,
                                                   "f": _OPTS}),
    "jsonl/bad-item": (app, "GET", "/jsonl-bad", {"cls": "fastapi.responses:JSONResponse", "stream": "jsonl", "f": _OPTS}),
    "sse/events": (app, "GET", "/sse", {"cls": "fastapi.sse:EventSourceResponse", "stream": "sse", "f": _OPTS}),
    "sse/typed": (app, "GET", "/sse-typed", {"cls": "fastapi.sse:EventSourceResponse", "stream": "sse", "f": _OPTS}),
    "sse/status": (app, "POST", "/sse-status", {"cls": "fastapi.sse:EventSourceResponse", "stream": "sse", "st": 201,
                                                "f": _OPTS}),
    "sse/bad-event": (app, "GET", "/sse-bad-event", {"cls": "fastapi.sse:EventSourceResponse", "stream": "sse", "f": _OPTS}),
    "sse/bad-id": (app, "GET", "/sse-bad-id", {"cls": "fastapi.sse:EventSourceResponse", "stream": "sse", "f": _OPTS}),
    "sse/bad-retry": (app, "GET", "/sse-bad-retry", {"cls": "fastapi.sse:EventSourceResponse", "stream": "sse", "f": _OPTS}),
    "sse/both-data": (app, "GET", "/sse-both-data", {"cls": "fastapi.sse:EventSourceResponse", "stream": "sse", "f": _OPTS}),
    "raw/async": (app, "GET", "/raw", {"cls": "fastapi.responses:StreamingResponse", "stream": "raw", "f": _OPTS}),
    "raw/sync-subclass": (app, "GET", "/raw-sync", {"cls": "__main__:NDJSONStream", "stream": "raw", "f": _OPTS}),
}


def _latin1(raw):
    return [[bytes(k).decode("latin-1"), bytes(v).decode("latin-1")] for k, v in raw]


def _error(e):
    # FastAPI's SSE producer runs in an anyio task group: its error comes out grouped.
    while isinstance(e, BaseExceptionGroup) and len(e.exceptions) == 1:
        e = e.exceptions[0]
    errs = getattr(e, "errors", None)
    out = {"error": type(e).__name__}
    if callable(errs):
        try:
            items = errs(include_url=False, include_context=False)  # pydantic's ValidationError
        except TypeError:
            items = errs()
        out["errors"] = json.loads(json.dumps(fastapi.encoders.jsonable_encoder(items)))
    return out


async def run_real(target, method, path, spec):
    scope = {"type": "http", "asgi": {"version": "3.0", "spec_version": "2.4"}, "http_version": "1.1",
             "method": method, "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
             "query_string": b"", "headers": [], "client": ("127.0.0.1", 1234), "server": ("test", 80)}
    sent = {"status": None, "headers": [], "body": b""}

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        if message["type"] == "http.response.start":
            sent["status"] = message["status"]
            sent["headers"] = _latin1(message.get("headers") or [])
        elif message["type"] == "http.response.body":
            sent["body"] += message.get("body", b"")

    try:
        await target(scope, receive, send)
    except Exception as e:
        return _error(e)
    return {"status": sent["status"], "headers": sent["headers"], "body": sent["body"].decode("latin-1")}


async def run_compat(target, method, path, spec):
    import inspect

    route = next(r for r in target.router.routes if getattr(r, "path", None) == path)
    fn = route.endpoint
    server = worker.Server(_POOL, None)
    sess = worker.Session(1)
    kw = {}
    for name, p in inspect.signature(fn).parameters.items():
        if p.annotation is Response:
            kw[name] = sess.sub_response()
        elif p.annotation is BackgroundTasks:
            kw[name] = sess.background_tasks()
    try:
        meta, data = await worker._collected(
            await worker._class_response(server, sess, fn, {"fn": fn.__name__, "rcls": spec}, [], kw))
    except Exception as e:
        return _error(e)
    return {"status": meta["status"], "headers": meta["headers"], "body": bytes(data).decode("latin-1")}


_POOL = concurrent.futures.ThreadPoolExecutor(4)


def main():
    if _STACK == "compat":
        worker._jsonable_encoder = fastapi.encoders.jsonable_encoder
        worker._BaseModel = BaseModel
        worker._web = worker._Web()
        run = run_compat
    else:
        run = run_real
    cases = {}
    for name, (target, method, path, spec) in CASES.items():
        cases[name] = asyncio.run(run(target, method, path, spec))
    versions = {"python": platform.python_version(), "pydantic": pydantic.VERSION,
                "fastapi": getattr(fastapi, "__version__", "")}
    json.dump({"stack": _STACK, "versions": versions, "cases": cases}, sys.stdout, ensure_ascii=True, sort_keys=True)


if __name__ == "__main__":
    main()
