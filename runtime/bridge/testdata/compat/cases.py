"""The compat case table: what a bridged handler body can observe of fastapi/starlette.

usage: python3 cases.py real            (the real stack must be importable: the recording)
       python3 cases.py compat BRIDGE   (installs BRIDGE/covetgen_compat.py as worker.py does)

Prints {"stack": ..., "cases": {name: value}} as JSON on stdout. Each case is a function
returning a value built only from the public fastapi/starlette API; show() turns it into
JSON that keeps what equality must see (dict order, bytes vs str, int vs float, tuples,
type names and modules). A case that raises records the exception's type and message.
tools/goldens/record_compat.py records the "real" run into golden.json; compat_test.go
requires the "compat" run to equal it case by case. Run with PYTHONHASHSEED=0 and TZ=UTC.
"""

import sys

if __name__ == "__main__":
    _STACK = sys.argv[1] if len(sys.argv) > 1 else ""
    if _STACK == "compat":
        sys.path.insert(1, sys.argv[2])
        import covetgen_compat

        if not covetgen_compat.install():
            sys.exit("cases.py compat: the real fastapi is importable; unset PYTHONPATH")
        sys.path.remove(sys.argv[2])
    elif _STACK == "real":
        import fastapi

        if getattr(fastapi, "__covetgen_compat__", False):
            sys.exit("cases.py real: fastapi is the compat stand-in")
    else:
        sys.exit(__doc__)

import asyncio
import atexit
import collections
import dataclasses
import datetime
import decimal
import enum
import ipaddress
import json
import os
import pathlib
import re
import shutil
import tempfile
import uuid
import warnings
from typing import Optional

import pydantic
from pydantic import BaseModel, Field

import fastapi
import fastapi.encoders
import fastapi.exception_handlers
import fastapi.exceptions
import fastapi.responses
import starlette.background
import starlette.datastructures
import starlette.exceptions
import starlette.requests
import starlette.responses
from fastapi import BackgroundTasks, FastAPI, HTTPException, Request, status
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from starlette.background import BackgroundTask
from starlette.datastructures import URL, Headers, MultiDict, MutableHeaders, QueryParams, State
from starlette.responses import (FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse,
                                 Response, StreamingResponse)

CASES = {}


def case(name):
    def deco(fn):
        assert name not in CASES, name
        CASES[name] = fn
        return fn

    return deco


def table(prefix, items):
    """Registers prefix/key for each (key, thunk) of items."""
    for key, fn in items:
        case("%s/%s" % (prefix, key))(fn)


def show(v):
    if v is None or isinstance(v, (bool, str)) and type(v) in (bool, str):
        return v
    if type(v) is int:
        return v if abs(v) < 2 ** 53 else {"bigint": str(v)}
    if type(v) is float:
        return {"float": repr(v)}
    if type(v) in (bytes, bytearray):
        return {"bytes": bytes(v).decode("latin-1")}
    if type(v) is memoryview:
        return {"memoryview": bytes(v).decode("latin-1")}
    if type(v) is list:
        return [show(x) for x in v]
    if type(v) is tuple:
        return {"tuple": [show(x) for x in v]}
    if type(v) is dict:
        return {"dict": [[show(k), show(x)] for k, x in v.items()]}
    if type(v) in (set, frozenset):
        return {type(v).__name__: sorted(repr(x) for x in v)}
    if isinstance(v, BaseException):
        return {"exception": _qual(type(v)), "str": str(v)}
    if isinstance(v, type):
        return {"class": _qual(v)}
    return {"object": _qual(type(v)), "repr": repr(v)}


def _qual(t):
    return "%s.%s" % (t.__module__, t.__qualname__)


# (text, replacement) pairs applied to every case's JSON: values that differ from run to run
REPLACE = []


def run(fn):
    REPLACE[:] = [(FIXTURE_DIR, "<fixtures>")]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            out = {"value": show(fn())}
        except Exception as e:
            out = {"raises": _qual(type(e)), "str": str(e)}
    if caught:
        out["warnings"] = [[_qual(w.category), str(w.message)] for w in caught]
    text = json.dumps(out, ensure_ascii=True, sort_keys=True)
    for old, new in REPLACE:
        text = text.replace(old, new)
    return json.loads(text)


def arun(coro):
    return asyncio.run(coro)


# ---------------------------------------------------------------------------
# helpers


def resp(r):
    """The parts of a response the bridge sends, plus its class."""
    return {"class": _qual(type(r)), "status": r.status_code, "raw": r.raw_headers,
            "body": getattr(r, "body", "<no body>"), "media_type": r.media_type, "charset": r.charset,
            "background": r.background is not None}


def asgi(r, scope=None):
    """What the response sends through ASGI."""
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    arun(r(scope or make_scope(), receive, send))
    return [{k: m[k] for k in sorted(m)} for m in sent]


def make_scope(**kw):
    scope = {
        "type": "http", "asgi": {"version": "3.0", "spec_version": "2.4"}, "http_version": "1.1",
        "method": "GET", "scheme": "http", "path": "/items/5", "raw_path": b"/items/5", "root_path": "",
        "query_string": b"q=1&tag=a&tag=b", "headers": [
            (b"host", b"example.com:8000"), (b"user-agent", b"covetgen-test"),
            (b"cookie", b"session=abc; theme=dark"), (b"x-multi", b"1"), (b"X-Case", b"kept"),
            (b"x-multi", b"2"),
        ],
        "client": ("10.0.0.7", 51515), "server": ("example.com", 8000), "path_params": {"item_id": 5},
    }
    scope.update(kw)
    return scope


def receiver(*chunks, disconnect=False):
    msgs = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1} for i, c in enumerate(chunks)]
    if disconnect:
        msgs = [{"type": "http.disconnect"}]

    async def receive():
        return msgs.pop(0) if msgs else {"type": "http.disconnect"}

    return receive


def req(**kw):
    return Request(make_scope(**kw))


FIXTURE_DIR = tempfile.mkdtemp(prefix="covetgen-compat-")
atexit.register(shutil.rmtree, FIXTURE_DIR, True)
FIXTURE_BYTES = b"covetgen compat fixture\n" * 40


def fixture(name, mtime=1700000000.0, data=FIXTURE_BYTES):
    path = os.path.join(FIXTURE_DIR, name)
    with open(path, "wb") as f:
        f.write(data)
    os.utime(path, (mtime, mtime))
    return path


# ---------------------------------------------------------------------------
# Response constructors and init_headers

table("response", [
    ("default", lambda: resp(Response())),
    ("str", lambda: resp(Response("héllo"))),
    ("bytes", lambda: resp(Response(b"\x00\xff"))),
    ("memoryview", lambda: resp(Response(memoryview(b"mv")))),
    ("media", lambda: resp(Response("x", media_type="text/csv"))),
    ("media-charset", lambda: resp(Response("x", media_type="text/plain; charset=latin-1"))),
    ("media-CHARSET", lambda: resp(Response("x", media_type="text/plain; CHARSET=x"))),
    ("media-app", lambda: resp(Response("x", media_type="application/xml"))),
    ("status-204", lambda: resp(Response(status_code=204))),
    ("status-304", lambda: resp(Response(b"x", status_code=304))),
    ("status-101", lambda: resp(Response(status_code=101))),
    ("status-199", lambda: resp(Response(b"abc", status_code=199))),
    ("status-205", lambda: resp(Response(b"abc", status_code=205))),
    ("headers", lambda: resp(Response("x", headers={"X-A": "1", "Content-Language": "fr"}, media_type="text/html"))),
    ("headers-own-length", lambda: resp(Response("abc", headers={"Content-Length": "99"}))),
    ("headers-own-type", lambda: resp(Response("abc", headers={"Content-Type": "a/b"}, media_type="text/html"))),
    ("headers-empty", lambda: resp(Response("abc", headers={}))),
    ("headers-latin1", lambda: resp(Response("abc", headers={"x-name": "caf\xe9"}))),
    ("headers-nonlatin", lambda: resp(Response("abc", headers={"x-name": "\u20ac"}))),
    ("content-int", lambda: resp(Response(5))),
    ("background", lambda: resp(Response("x", background=BackgroundTask(print)))),
    ("subclass-charset", lambda: resp(type("Latin", (PlainTextResponse,), {"charset": "latin-1"})("caf\xe9"))),
    ("subclass-media", lambda: resp(type("Xml", (Response,), {"media_type": "application/xml"})("<a/>"))),
    ("html", lambda: resp(HTMLResponse("<p>hi</p>"))),
    ("html-status", lambda: resp(HTMLResponse("<p>x</p>", status_code=404, headers={"x": "y"}))),
    ("plain", lambda: resp(PlainTextResponse("plain"))),
    ("plain-none", lambda: resp(PlainTextResponse())),
    ("json", lambda: resp(JSONResponse({"a": 1, "b": [1.5, None, True], "é": "ü"}))),
    ("json-none", lambda: resp(JSONResponse(None))),
    ("json-status", lambda: resp(JSONResponse([1], status_code=201, headers={"location": "/x"}))),
    ("json-media", lambda: resp(JSONResponse({"a": 1}, media_type="application/problem+json"))),
    ("json-nan", lambda: resp(JSONResponse({"a": float("nan")}))),
    ("json-nokey", lambda: resp(JSONResponse({1: "a", None: "b", 2.5: "c", True: "d"}))),
    ("json-notjson", lambda: resp(JSONResponse({"a": {1, 2}}))),
    ("json-missing", lambda: resp(JSONResponse())),
    ("json-204", lambda: resp(JSONResponse({"a": 1}, status_code=204))),
    # ORJSONResponse / UJSONResponse are left out: what they do depends on whether orjson
    # and ujson are installed, which differs between machines.
    ("same-classes", lambda: [fastapi.responses.Response is Response, fastapi.Response is Response,
                              fastapi.responses.JSONResponse is JSONResponse,
                              fastapi.responses.FileResponse is FileResponse]),
    ("class-attrs", lambda: [Response.media_type, Response.charset, JSONResponse.media_type,
                             HTMLResponse.media_type, PlainTextResponse.media_type,
                             RedirectResponse.media_type, StreamingResponse.media_type,
                             FileResponse.chunk_size]),
])


def _hdrs():
    r = Response("body", headers={"X-Multi": "a"}, media_type="text/plain")
    r.headers.append("x-multi", "b")
    return r


table("headers", [
    ("type", lambda: show(type(Response().headers))),
    ("same-object", lambda: Response().headers is Response().headers),
    ("get", lambda: [_hdrs().headers.get("X-MULTI"), _hdrs().headers.get("nope"), _hdrs().headers.get("nope", "d")]),
    ("getitem", lambda: _hdrs().headers["Content-Type"]),
    ("getitem-missing", lambda: _hdrs().headers["nope"]),
    ("getlist", lambda: _hdrs().headers.getlist("x-multi")),
    ("contains", lambda: ["X-Multi" in _hdrs().headers, "y" in _hdrs().headers]),
    ("len-keys-values-items", lambda: [len(_hdrs().headers), _hdrs().headers.keys(), _hdrs().headers.values(),
                                       _hdrs().headers.items(), list(_hdrs().headers)]),
    ("raw", lambda: _hdrs().headers.raw),
    ("repr", lambda: [repr(_hdrs().headers), repr(Response("x").headers)]),
    ("dict", lambda: dict(_hdrs().headers)),
    ("eq", lambda: [_hdrs().headers == _hdrs().headers, _hdrs().headers == {"a": "b"},
                    Headers({"A": "1"}) == Headers(raw=[(b"a", b"1")])]),
]
)


def _mutate(fn):
    r = _hdrs()
    out = fn(r.headers)
    return [out, r.raw_headers]


table("headers-set", [
    ("setitem-new", lambda: _mutate(lambda h: h.__setitem__("X-New", "v"))),
    ("setitem-dup", lambda: _mutate(lambda h: h.__setitem__("x-multi", "only"))),
    ("setitem-case", lambda: _mutate(lambda h: h.__setitem__("CONTENT-TYPE", "a/b"))),
    ("delitem", lambda: _mutate(lambda h: h.__delitem__("X-Multi"))),
    ("delitem-missing", lambda: _mutate(lambda h: h.__delitem__("nope"))),
    ("append", lambda: _mutate(lambda h: h.append("Set-Cookie", "a=b"))),
    ("setdefault", lambda: _mutate(lambda h: [h.setdefault("x-multi", "z"), h.setdefault("x-z", "z")])),
    ("update", lambda: _mutate(lambda h: h.update({"x-multi": "u", "X-U": "u"}))),
    ("ior", lambda: _mutate(lambda h: h.__ior__({"x-i": "1"}).items())),
    ("ior-bad", lambda: _mutate(lambda h: h.__ior__([("a", "b")]))),
    ("or", lambda: _mutate(lambda h: (h | {"x-o": "1"}).items())),
    ("vary", lambda: _mutate(lambda h: [h.add_vary_header("Accept"), h.add_vary_header("Origin")])),
    ("mutablecopy", lambda: _mutate(lambda h: h.mutablecopy().raw)),
    ("headers-scope", lambda: Headers(scope={"headers": ((b"a", b"1"), (b"b", b"2"))}).items()),
    ("headers-both", lambda: Headers({"a": "1"}, raw=[])),
    ("headers-empty", lambda: [Headers().items(), repr(Headers()), repr(Headers(raw=[(b"a", b"1"), (b"a", b"2")]))]),
])

# ---------------------------------------------------------------------------
# cookies


def _fixed_clock(fn):
    """Runs fn with time.time() pinned: an int `expires` is relative to now (http.cookies)."""
    import time

    real = time.time
    time.time = lambda: 1700000000.0
    try:
        return fn()
    finally:
        time.time = real


def _cookie(*args, **kw):
    r = Response()
    _fixed_clock(lambda: r.set_cookie(*args, **kw))
    return r.raw_headers


def _delete(*args, **kw):
    r = Response()
    _fixed_clock(lambda: r.delete_cookie(*args, **kw))
    return r.raw_headers


table("cookie", [
    ("plain", lambda: _cookie("session", "abc")),
    ("empty", lambda: _cookie("session")),
    ("quoted", lambda: _cookie("k", 'a b;c"d\\')),
    ("unicode", lambda: _cookie("k", "caf\xe9")),
    ("max-age", lambda: _cookie("k", "v", max_age=3600)),
    ("expires-int", lambda: _cookie("k", "v", expires=10)),
    ("expires-str", lambda: _cookie("k", "v", expires="Wed, 21 Oct 2015 07:28:00 GMT")),
    ("expires-dt", lambda: _cookie("k", "v", expires=datetime.datetime(2030, 1, 2, 3, 4, 5,
                                                                       tzinfo=datetime.timezone.utc))),
    ("expires-naive", lambda: _cookie("k", "v", expires=datetime.datetime(2030, 1, 2, 3, 4, 5))),
    ("path-none", lambda: _cookie("k", "v", path=None)),
    ("path", lambda: _cookie("k", "v", path="/api")),
    ("domain", lambda: _cookie("k", "v", domain="example.com")),
    ("secure-httponly", lambda: _cookie("k", "v", secure=True, httponly=True)),
    ("samesite-strict", lambda: _cookie("k", "v", samesite="strict")),
    ("samesite-None", lambda: _cookie("k", "v", samesite="None")),
    ("samesite-none", lambda: _cookie("k", "v", samesite=None)),
    ("samesite-bad", lambda: _cookie("k", "v", samesite="bogus")),
    ("partitioned", lambda: _cookie("k", "v", partitioned=True)),
    ("all", lambda: _cookie("k", "v", max_age=1, expires=2, path="/p", domain="d.example", secure=True,
                            httponly=True, samesite="lax")),
    ("bad-key", lambda: _cookie("a b", "v")),
    ("delete", lambda: _delete("session")),
    ("delete-opts", lambda: _delete("s", path="/x", domain="d", secure=True, httponly=True, samesite="none")),
    ("delete-samesite-none", lambda: _delete("s", samesite=None)),
    ("two", lambda: (lambda r: (r.set_cookie("a", "1"), r.set_cookie("b", "2"), r.headers.getlist("set-cookie")))(
        JSONResponse({}))),
])

# ---------------------------------------------------------------------------
# redirects

table("redirect", [
    ("default", lambda: resp(RedirectResponse("/next"))),
    ("status", lambda: resp(RedirectResponse("https://example.com/a?b=c#d", status_code=302))),
    ("quote", lambda: resp(RedirectResponse("/path with space/ü?q=a b&x=%20"))),
    ("safe-chars", lambda: resp(RedirectResponse("/a:b/c@d[e]!$&'()*+,;=~-_.<>\"{}|^`"))),
    ("url-obj", lambda: resp(RedirectResponse(URL("http://h/x?y=1")))),
    ("headers", lambda: resp(RedirectResponse("/n", headers={"x-a": "1", "Location": "/old"}))),
    ("background", lambda: resp(RedirectResponse("/n", background=BackgroundTask(print)))),
    ("asgi", lambda: asgi(RedirectResponse("/n", status_code=303))),
    ("asgi-websocket", lambda: asgi(PlainTextResponse("no", status_code=403), make_scope(type="websocket"))),
])

# ---------------------------------------------------------------------------
# streaming


def _gen():
    yield "a"
    yield b"b"
    yield memoryview(b"c")


async def _agen():
    yield "x"
    yield b"y"


class _AsyncIterable:
    def __init__(self):
        self.items = [b"1", "2"]

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


async def _collect(it):
    return [c async for c in it]


def _stream(content, **kw):
    r = StreamingResponse(content, **kw)
    return [resp(r), arun(_collect(r.body_iterator))]


table("stream", [
    ("sync-gen", lambda: _stream(_gen())),
    ("list", lambda: _stream(["a", "b"])),
    ("async-gen", lambda: _stream(_agen(), media_type="text/event-stream")),
    ("async-iterable", lambda: _stream(_AsyncIterable(), media_type="application/octet-stream")),
    ("headers", lambda: _stream(iter([b"z"]), status_code=206, headers={"content-length": "1", "x": "y"})),
    ("text-media", lambda: _stream([], media_type="text/csv")),
    ("not-iterable", lambda: _stream(5)),
    ("iterator-type", lambda: [type(StreamingResponse([]).body_iterator).__name__,
                               type(StreamingResponse(_agen()).body_iterator).__name__]),
    ("asgi", lambda: asgi(StreamingResponse(_gen(), media_type="text/plain"))),
    ("asgi-background", lambda: (lambda log: (asgi(StreamingResponse(
        iter([b"a"]), background=BackgroundTask(log.append, "bg"))), log))([])),
    ("gen-raises", lambda: _stream((1 / 0 for _ in [1]))),
])

# ---------------------------------------------------------------------------
# file responses

def _file_asgi(path, scope=None, **kw):
    r = FileResponse(path, **kw)
    out = [resp(r), asgi(r, scope), r.raw_headers]
    boundary = r.headers.get("content-range", "").rpartition("boundary=")[2]
    if boundary:
        REPLACE.append((boundary, "<random boundary>"))
    return out


def _stat_resp(**kw):
    path = fixture("stat.txt", mtime=1600000000.25)
    r = FileResponse(path, stat_result=os.stat(path), **kw)
    return resp(r)


table("file", [
    ("init-only", lambda: resp(FileResponse(fixture("a.txt")))),
    ("stat-result", lambda: _stat_resp()),
    ("stat-filename", lambda: _stat_resp(filename="report.csv")),
    ("stat-filename-quoted", lambda: _stat_resp(filename="naïve résumé.pdf")),
    ("stat-filename-space", lambda: _stat_resp(filename="a b.txt")),
    ("stat-inline", lambda: _stat_resp(filename="x.txt", content_disposition_type="inline")),
    ("stat-headers", lambda: _stat_resp(headers={"ETag": '"mine"', "content-disposition": "inline"},
                                        filename="f.txt")),
    ("media-json", lambda: resp(FileResponse(fixture("d.json")))),
    ("media-html", lambda: resp(FileResponse(fixture("d.html")))),
    ("media-png", lambda: resp(FileResponse(fixture("d.png")))),
    ("media-unknown", lambda: resp(FileResponse(fixture("d.zzqq")))),
    ("media-by-filename", lambda: resp(FileResponse(fixture("d.zzqq"), filename="x.json"))),
    ("media-explicit", lambda: resp(FileResponse(fixture("d.txt"), media_type="application/x-custom"))),
    ("pathlike", lambda: resp(FileResponse(pathlib.Path(fixture("p.html"))))),
    ("method-warning", lambda: resp(FileResponse(fixture("m.txt"), method="GET"))),
    ("asgi", lambda: _file_asgi(fixture("g.txt"))),
    ("asgi-head", lambda: _file_asgi(fixture("h.txt"), make_scope(method="HEAD"))),
    ("asgi-missing", lambda: _file_asgi(os.path.join(FIXTURE_DIR, "missing.txt"))),
    ("asgi-dir", lambda: _file_asgi(FIXTURE_DIR)),
    ("asgi-range", lambda: _file_asgi(fixture("r.txt"), make_scope(headers=[(b"range", b"bytes=0-9")]))),
    ("asgi-range-suffix", lambda: _file_asgi(fixture("r.txt"), make_scope(headers=[(b"range", b"bytes=-5")]))),
    ("asgi-range-open", lambda: _file_asgi(fixture("r.txt"), make_scope(headers=[(b"range", b"bytes=950-")]))),
    ("asgi-range-bad-unit", lambda: _file_asgi(fixture("r.txt"), make_scope(headers=[(b"range", b"items=0-1")]))),
    ("asgi-range-malformed", lambda: _file_asgi(fixture("r.txt"), make_scope(headers=[(b"range", b"bytes")]))),
    ("asgi-range-empty", lambda: _file_asgi(fixture("r.txt"), make_scope(headers=[(b"range", b"bytes=-")]))),
    ("asgi-range-unsat", lambda: _file_asgi(fixture("r.txt"), make_scope(headers=[(b"range", b"bytes=5000-")]))),
    ("asgi-range-reversed", lambda: _file_asgi(fixture("r.txt"), make_scope(headers=[(b"range", b"bytes=9-3")]))),
    ("asgi-range-multi", lambda: _file_asgi(fixture("r.txt"), make_scope(
        headers=[(b"range", b"bytes=0-4, 10-14, 12-20")]))),
    ("asgi-if-range-stale", lambda: _file_asgi(fixture("r.txt"), make_scope(
        headers=[(b"range", b"bytes=0-4"), (b"if-range", b'"stale"')]))),
    ("asgi-if-range-date", lambda: _file_asgi(fixture("r.txt"), make_scope(
        headers=[(b"range", b"bytes=0-4"), (b"if-range", b"Tue, 14 Nov 2023 22:13:20 GMT")]))),
    ("asgi-pathsend", lambda: _file_asgi(fixture("ps.txt"), make_scope(extensions={"http.response.pathsend": {}}))),
])

# ---------------------------------------------------------------------------
# requests


def _props(r):
    return {"method": r.method, "url": str(r.url), "base_url": str(r.base_url), "headers": r.headers.items(),
            "query": r.query_params.multi_items(), "path_params": r.path_params, "cookies": r.cookies,
            "client": r.client, "client_type": show(type(r.client)) if r.client else None}


table("request", [
    ("props", lambda: _props(req())),
    ("url-parts", lambda: (lambda u: [u.scheme, u.netloc, u.path, u.query, u.fragment, u.hostname, u.port,
                                      u.username, u.password, u.is_secure, type(u).__name__])(req().url)),
    ("no-host-server", lambda: _props(req(headers=[], server=("srv", 80)))),
    ("no-host-port", lambda: str(req(headers=[], server=("srv", 8080)).url)),
    ("no-host-https", lambda: str(req(headers=[], scheme="https", server=("srv", 443)).url)),
    ("no-server", lambda: str(req(headers=[], server=None).url)),
    ("no-query", lambda: [str(req(query_string=b"").url), req(query_string=b"").query_params.items()]),
    ("root-path", lambda: [str(req(root_path="/api", path="/api/items/5").url),
                           str(req(root_path="/api").base_url)]),
    ("app-root-path", lambda: str(req(app_root_path="/app", root_path="/api/").base_url)),
    ("utf8-query", lambda: [str(req(query_string="q=caf\xe9".encode()).url),
                            req(query_string="q=caf\xe9".encode()).query_params["q"]]),
    ("query-api", lambda: (lambda q: [q["tag"], q.get("nope"), q.getlist("tag"), list(q.keys()), list(q.values()),
                                      list(q.items()), str(q), repr(q), len(q), "q" in q])(req().query_params)),
    ("url-include", lambda: str(req().url.include_query_params(page=2, tag="c"))),
    ("url-replace", lambda: str(req().url.replace(scheme="https", path="/other"))),
    ("url-remove", lambda: str(req().url.remove_query_params("tag"))),
    ("ipv6-server", lambda: str(req(headers=[], server=("::1", 8000)).url)),
    ("redirect-url-for", lambda: resp(RedirectResponse(url=req().url.include_query_params(x="a b")))),
    ("query-plus", lambda: req(query_string=b"a=1+2&b=%2B&c&=d&e=").query_params.multi_items()),
    ("headers", lambda: (lambda h: [h["X-MULTI"], h.getlist("x-multi"), h.get("x-case"), h.raw,
                                    type(h).__name__])(req().headers)),
    ("headers-scope-list", lambda: (lambda s: (Request(s).headers, type(s["headers"]).__name__))(
        make_scope(headers=((b"a", b"1"),)))[1]),
    ("cookies", lambda: req(headers=[(b"cookie", b'a=1; b="q\\"x"; c; =d; e=f=g;  ; h = i ')]).cookies),
    ("cookies-none", lambda: req(headers=[]).cookies),
    ("client-none", lambda: req(client=None).client),
    ("client-fields", lambda: (lambda c: [c.host, c.port, c._fields, tuple(c)])(req().client)),
    ("state", lambda: (lambda r: (setattr(r.state, "user", "ann"), r.state.user, r.scope["state"],
                                  type(r.state).__name__))(req())),
    ("state-shared", lambda: (lambda s: (Request(s).state.__setattr__("x", 1), Request(s).state.x))(
        make_scope(state={"y": 2}))),
    ("state-missing", lambda: req().state.nope),
    ("app", lambda: req(app="the-app").app),
    ("app-missing", lambda: req().app),
    ("mapping", lambda: (lambda r: [r["method"], len(r) == len(r.scope), "path" in r, r == r, r == req()])(req())),
    ("websocket-type", lambda: Request(make_scope(type="websocket"))),
    ("lifespan-type", lambda: Request(make_scope(type="lifespan"))),
    ("session", lambda: req().session),
    ("user", lambda: req().user),
    ("body", lambda: arun(Request(make_scope(), receiver(b'{"a": ', b"1}")).body())),
    ("json", lambda: arun(Request(make_scope(), receiver(b'{"a": [1, 2.5]}')).json())),
    ("json-bad", lambda: arun(Request(make_scope(), receiver(b"{nope")).json())),
    ("body-twice", lambda: arun((lambda r: _twice(r))(Request(make_scope(), receiver(b"xy"))))),
    ("body-no-receive", lambda: arun(req().body())),
    ("disconnect", lambda: arun(Request(make_scope(), receiver(disconnect=True)).body())),
    ("stream", lambda: arun(_collect(Request(make_scope(), receiver(b"a", b"", b"b")).stream()))),
    ("stream-consumed", lambda: arun(_consume_twice(Request(make_scope(), receiver(b"a"))))),
    ("form-urlencoded", lambda: arun(_form(b"a=1&b=x+y&a=2&&c&=e&f=%C3%A9&g=%ZZ",
                                           b"application/x-www-form-urlencoded"))),
    ("form-urlencoded-charset", lambda: arun(_form(b"a=1", b"application/x-www-form-urlencoded; charset=utf-8"))),
    ("form-urlencoded-upper", lambda: arun(_form(b"a=1", b"Application/X-WWW-Form-Urlencoded"))),
    ("form-urlencoded-upper-params", lambda: arun(_form(b"a=1", b"Application/x-www-form-urlencoded; x=1"))),
    ("form-other", lambda: arun(_form(b"a=1", b"application/json"))),
    ("form-no-type", lambda: arun(_form(b"a=1", None))),
    ("form-cm", lambda: arun(_form_cm())),
    ("multipart", lambda: arun(_multipart(MP_BODY))),
    ("multipart-charset", lambda: arun(_multipart(MP_LATIN, ctype=b"multipart/form-data; charset=latin-1; "
                                                                b"boundary=XyZ"))),
    ("multipart-quoted-boundary", lambda: arun(_multipart(MP_BODY, ctype=b'multipart/form-data; boundary="XyZ"'))),
    ("multipart-leading-crlf", lambda: arun(_multipart(b"\r\n" + MP_BODY))),
    ("multipart-empty", lambda: arun(_multipart(b"--XyZ--\r\n"))),
    ("multipart-no-boundary", lambda: arun(_multipart(MP_BODY, ctype=b"multipart/form-data"))),
    ("multipart-no-boundary-app", lambda: arun(_multipart(MP_BODY, ctype=b"multipart/form-data", app="a"))),
    ("multipart-no-name", lambda: arun(_multipart(_mp([b'Content-Disposition: form-data; x="1"'], b"v")))),
    ("multipart-no-name-app", lambda: arun(_multipart(_mp([b"Content-Type: text/plain"], b"v"), app="a"))),
    ("multipart-max-files", lambda: arun(_multipart(MP_BODY, max_files=0))),
    ("multipart-max-fields", lambda: arun(_multipart(MP_BODY, max_fields=1, app="a"))),
    ("multipart-max-part", lambda: arun(_multipart(MP_BODY, max_part_size=3))),
    ("multipart-ie-filename", lambda: arun(_multipart(_mp(
        [b'Content-Disposition: form-data; name="f"; filename="C:\\dir\\a.txt"'], b"data")))),
    ("multipart-star-param", lambda: arun(_multipart(_mp(
        [b"Content-Disposition: form-data; name=\"f\"; filename=\"a.txt\"; filename*=utf-8''b.txt"], b"d")))),
    ("multipart-empty-file", lambda: arun(_multipart(_mp(
        [b'Content-Disposition: form-data; name="f"; filename=""'], b"")))),
    ("multipart-headers", lambda: arun(_multipart(_mp(
        [b'content-disposition:   form-data; name="f"; filename="x.bin"', b"Content-Type: application/octet-stream",
         b"X-Extra: 1 "], b"\x00\x01\r\n--notit\r\n")))),
    ("disconnected-now", lambda: arun(_disconnected({"type": "http.disconnect"}))),
    ("disconnected-request", lambda: arun(_disconnected({"type": "http.request", "body": b""}))),
    ("disconnected-blocking", lambda: arun(_disconnected(None))),
    ("receive-property", lambda: (lambda rc: Request(make_scope(), rc).receive is rc)(receiver(b""))),
    ("url-for-no-app", lambda: req().url_for("x")),
    ("url-for", lambda: _url_for("read_item", item_id=7)),
    ("url-for-named", lambda: _url_for("named", slug="a-b")),
    ("url-for-int", lambda: _url_for("typed", n=3, f=1.5)),
    ("url-for-negative", lambda: _url_for("typed", n=-3, f=1.5)),
    ("url-for-slash", lambda: _url_for("named", slug="a/b")),
    ("url-for-path", lambda: _url_for("files", p="a/b.txt")),
    ("url-for-router", lambda: _url_for("in_router", x="1")),
    ("url-for-wrong", lambda: _url_for("read_item", nope=1)),
    ("url-for-static", lambda: _url_for("static", path="/css/site.css")),
    ("url-for-static-no-path", lambda: _url_for("static")),
    ("url-for-subapp", lambda: _url_for("sub:sub_item", k=3)),
    ("url-for-subapp-docs", lambda: _url_for("sub:openapi")),
    ("url-for-openapi", lambda: _url_for("openapi")),
    ("url-for-docs", lambda: _url_for("swagger_ui_html")),
    ("url-for-redoc", lambda: _url_for("redoc_html")),
    ("url-for-oauth2-redirect", lambda: _url_for("swagger_ui_redirect")),
    ("url-for-no-docs", lambda: str(req(app=FastAPI(docs_url=None)).url_for("swagger_ui_html"))),
    ("url-for-custom-openapi", lambda: str(req(app=FastAPI(openapi_url="/api/spec.json")).url_for("openapi"))),
])


async def _disconnected(message):
    async def receive():
        if message is None:
            await asyncio.get_running_loop().create_future()
        return message

    r = Request(make_scope(), receive)
    first = await r.is_disconnected()
    return [first, await r.is_disconnected()]


async def _twice(r):
    return [await r.body(), await r.body(), await r.json() if False else None]


async def _consume_twice(r):
    first = await _collect(r.stream())
    try:
        await _collect(r.stream())
    except RuntimeError as e:
        return [first, str(e)]
    return [first, "no error"]


async def _form(body, ctype):
    headers = [(b"content-type", ctype)] if ctype is not None else []
    r = Request(make_scope(method="POST", headers=headers), receiver(body))
    f = await r.form()
    return [f.multi_items(), type(f).__name__, dict(f), repr(f)]


async def _form_cm():
    r = Request(make_scope(method="POST", headers=[(b"content-type", b"application/x-www-form-urlencoded")]),
                receiver(b"a=1"))
    async with r.form() as f:
        got = f.multi_items()
    again = await r.form()
    return [got, again is f]


MP_BODY = (b"--XyZ\r\n"
           b'Content-Disposition: form-data; name="title"\r\n\r\n'
           b"Hello caf\xc3\xa9\r\n"
           b"--XyZ\r\n"
           b'Content-Disposition: form-data; name="upload"; filename="notes.txt"\r\n'
           b"Content-Type: text/plain\r\n\r\n"
           b"line 1\r\nline 2\r\n"
           b"--XyZ\r\n"
           b'Content-Disposition: form-data; name="title"\r\n\r\n'
           b"second\r\n"
           b"--XyZ--\r\n")
MP_LATIN = (b"--XyZ\r\n"
            b'Content-Disposition: form-data; name="n\xe9"; filename="f\xe9.txt"\r\n\r\n'
            b"caf\xe9\r\n"
            b"--XyZ\r\n"
            b'Content-Disposition: form-data; name="v"\r\n\r\n'
            b"caf\xe9\r\n"
            b"--XyZ--\r\n")


def _mp(headers, data):
    return b"--XyZ\r\n" + b"".join(h + b"\r\n" for h in headers) + b"\r\n" + data + b"\r\n--XyZ--\r\n"


async def _multipart(body, ctype=b"multipart/form-data; boundary=XyZ", app=None, **limits):
    scope = make_scope(method="POST", headers=[(b"content-type", ctype)])
    if app is not None:
        scope["app"] = app
    r = Request(scope, receiver(body))
    f = await r.form(**limits)
    out = []
    for k, v in f.multi_items():
        if isinstance(v, str):
            out.append([k, v])
        else:
            out.append([k, _qual(type(v)), v.filename, v.size, v.content_type, v.headers.raw, await v.read(),
                        repr(v), v.file.tell(), type(v.file).__name__])
    await r.close()
    return [out, repr(f) if all(isinstance(v, str) for v in f.values()) else len(f)]


def _url_for(name, **params):
    app = FastAPI()

    @app.get("/items/{item_id}")
    def read_item(item_id: int):
        return None

    @app.get("/named/{slug}", name="named")
    def other(slug: str):
        return None

    @app.get("/typed/{n:int}/{f:float}")
    def typed(n, f):
        return None

    @app.get("/files/{p:path}")
    def files(p):
        return None

    router = fastapi.APIRouter(prefix="/r")

    @router.get("/in/{x}")
    def in_router(x):
        return None

    app.include_router(router, prefix="/v1")
    from fastapi.staticfiles import StaticFiles

    app.mount("/static/", StaticFiles(directory=FIXTURE_DIR), name="static")
    sub = FastAPI()

    @sub.get("/items/{k}")
    def sub_item(k):
        return None

    app.mount("/sub", sub, name="sub")
    r = req(app=app)
    return str(r.url_for(name, **params))


# ---------------------------------------------------------------------------
# URL, QueryParams, MultiDict, State

table("url", [
    ("parts", lambda: (lambda u: [u.scheme, u.netloc, u.path, u.query, u.fragment, u.username, u.password,
                                  u.hostname, u.port, u.is_secure])(URL("https://u:p@Host.com:8443/a/b?x=1&y=2#f"))),
    ("str-repr", lambda: [str(URL("http://a/b")), repr(URL("http://a/b")), repr(URL("http://u:secret@a/b"))]),
    ("eq", lambda: [URL("http://a/") == "http://a/", URL("http://a/") == URL("http://a/"), URL("x") == 1]),
    ("replace-path", lambda: str(URL("http://a:1/b?c=d").replace(path="/z"))),
    ("replace-scheme", lambda: str(URL("http://a:1/b?c=d").replace(scheme="https"))),
    ("replace-port", lambda: str(URL("http://a:1/b").replace(port=99))),
    ("replace-port-none", lambda: str(URL("http://u@a:1/b").replace(port=None))),
    ("replace-host", lambda: str(URL("http://u:p@a:1/b").replace(hostname="z"))),
    ("replace-ipv6", lambda: str(URL("http://[::1]:8/b").replace(username="u"))),
    ("replace-user", lambda: str(URL("http://a/b").replace(username="me", password="pw"))),
    ("include", lambda: str(URL("http://a/b?x=1&x=2&y=3").include_query_params(x=9, z="a b"))),
    ("replace-query", lambda: str(URL("http://a/b?x=1").replace_query_params(k="v", n=2))),
    ("remove", lambda: [str(URL("http://a/b?x=1&y=2&x=3").remove_query_params("x")),
                        str(URL("http://a/b?x=1&y=2").remove_query_params(["x", "y"]))]),
    ("components", lambda: str(URL(scheme="https", netloc="h:1", path="/p", query="a=b"))),
    ("both", lambda: URL("http://a", scope=make_scope())),
    ("relative", lambda: (lambda u: [u.scheme, u.netloc, u.path, u.query])(URL("/a?b=c"))),
])

table("query", [
    ("from-str", lambda: QueryParams("a=1&b=2&a=3").multi_items()),
    ("from-bytes", lambda: QueryParams(b"a=caf%C3%A9&b=\xe9").multi_items()),
    ("from-list", lambda: QueryParams([("a", 1), ("b", None)]).multi_items()),
    ("from-dict", lambda: QueryParams({"a": "1", "b": 2}).multi_items()),
    ("kwargs", lambda: QueryParams("a=1", b="2").multi_items()),
    ("str", lambda: [str(QueryParams("a=1 2&b=%26")), repr(QueryParams("a=1"))]),
    ("eq", lambda: [QueryParams("a=1&b=2") == QueryParams("b=2&a=1"), QueryParams("a=1") == {"a": "1"}]),
    ("last-wins", lambda: [QueryParams("a=1&a=2")["a"], dict(QueryParams("a=1&a=2"))]),
    ("missing", lambda: QueryParams("a=1")["b"]),
    ("two-args", lambda: QueryParams("a", "b")),
])


def _md():
    return MultiDict([("a", 1), ("b", 2), ("a", 3)])


table("multidict", [
    ("basic", lambda: [_md()["a"], _md().getlist("a"), _md().multi_items(), repr(_md()), len(_md())]),
    ("setitem", lambda: (lambda m: (m.__setitem__("a", 9), m.multi_items()))(_md())),
    ("delitem", lambda: (lambda m: (m.__delitem__("a"), m.multi_items()))(_md())),
    ("pop", lambda: (lambda m: (m.pop("a"), m.pop("zz", "d"), m.multi_items()))(_md())),
    ("poplist", lambda: (lambda m: (m.poplist("a"), m.multi_items()))(_md())),
    ("popitem", lambda: (lambda m: (m.popitem(), m.multi_items()))(_md())),
    ("setdefault", lambda: (lambda m: (m.setdefault("a", 0), m.setdefault("c", 4), m.multi_items()))(_md())),
    ("setlist", lambda: (lambda m: (m.setlist("b", [7, 8]), m.setlist("a", []), m.multi_items()))(_md())),
    ("append", lambda: (lambda m: (m.append("b", 5), m["b"], m.multi_items()))(_md())),
    ("update", lambda: (lambda m: (m.update([("a", 0), ("c", 1)], d=2), m.multi_items()))(_md())),
    ("clear", lambda: (lambda m: (m.clear(), m.multi_items(), len(m)))(_md())),
])

table("state", [
    ("roundtrip", lambda: (lambda s: (setattr(s, "a", 1), s.a, s._state))(State())),
    ("initial", lambda: State({"x": 1}).x),
    ("missing", lambda: State().nope),
    ("delete", lambda: (lambda s: (delattr(s, "x"), s._state))(State({"x": 1, "y": 2}))),
    ("app-state", lambda: (lambda a: (setattr(a.state, "db", "conn"), a.state.db, type(a.state).__name__))(
        FastAPI())),
])

# ---------------------------------------------------------------------------
# background tasks


def _bg(register):
    log = []

    def sync(x, y=0):
        log.append(("sync", x, y))

    async def asyn(x):
        log.append(("async", x))

    class Callable:
        async def __call__(self, x):
            log.append(("async-callable", x))

    tasks = BackgroundTasks()
    register(tasks, sync, asyn, Callable())
    arun(tasks())
    return [log, [t.is_async for t in tasks.tasks], [type(t).__name__ for t in tasks.tasks], _qual(type(tasks))]


table("background", [
    ("order", lambda: _bg(lambda t, s, a, c: [t.add_task(s, 1, y=2), t.add_task(a, 2), t.add_task(c, 3),
                                              t.add_task(s, 4)])),
    ("empty", lambda: _bg(lambda t, s, a, c: None)),
    ("partial", lambda: _bg(lambda t, s, a, c: [t.add_task(__import__("functools").partial(a, 5))])),
    ("mro", lambda: [_qual(c) for c in BackgroundTasks.__mro__]),
    ("single", lambda: (lambda t: [t.func, t.args, t.kwargs, t.is_async])(BackgroundTask(len, "ab", k=1))),
    ("init-list", lambda: len(starlette.background.BackgroundTasks([BackgroundTask(len, "a")]).tasks)),
    ("raises", lambda: arun(BackgroundTask(lambda: 1 / 0)())),
    ("response-runs", lambda: (lambda log: (asgi(Response("x", background=BackgroundTask(log.append, "ran"))),
                                            log)[1])([])),
])

# ---------------------------------------------------------------------------
# exceptions, handlers, status


class Boom(Exception):
    pass


async def boom_handler(request, exc):
    return PlainTextResponse("boom", status_code=500)


def _handlers(app):
    return [[k if isinstance(k, int) else _qual(k), v.__module__, v.__name__]
            for k, v in app.exception_handlers.items()]


def _app_with_decorators():
    app = FastAPI(exception_handlers={404: boom_handler})

    @app.exception_handler(Boom)
    async def on_boom(request, exc):
        return JSONResponse({"boom": True})

    @app.exception_handler(HTTPException)
    def on_http(request, exc):
        return PlainTextResponse(str(exc.detail), status_code=exc.status_code)

    app.add_exception_handler(418, boom_handler)
    return app


table("app", [
    ("default-handlers", lambda: _handlers(FastAPI())),
    ("ctor-handlers", lambda: _handlers(FastAPI(exception_handlers={Boom: boom_handler,
                                                                   starlette.exceptions.HTTPException: boom_handler}))),
    ("decorators", lambda: _handlers(_app_with_decorators())),
    ("decorator-returns", lambda: (lambda a: a.exception_handler(Boom)(boom_handler) is boom_handler)(FastAPI())),
    ("router-routes-decorator", lambda: (lambda r: r.get("/x")(boom_handler) is boom_handler)(fastapi.APIRouter())),
    ("dependency-overrides", lambda: FastAPI().dependency_overrides),
    ("http-handler", lambda: asgi(arun(fastapi.exception_handlers.http_exception_handler(
        req(), HTTPException(404, headers={"x-h": "1"}))))),
    ("http-handler-detail", lambda: resp(arun(fastapi.exception_handlers.http_exception_handler(
        req(), HTTPException(400, detail={"why": ["a", 1]}))))),
    ("http-handler-204", lambda: resp(arun(fastapi.exception_handlers.http_exception_handler(
        req(), HTTPException(204))))),
    ("http-handler-304", lambda: resp(arun(fastapi.exception_handlers.http_exception_handler(
        req(), starlette.exceptions.HTTPException(304, headers={"etag": "x"}))))),
    ("validation-handler", lambda: resp(arun(fastapi.exception_handlers.request_validation_exception_handler(
        req(), RequestValidationError([{"loc": ("query", "q"), "msg": "bad", "type": "missing",
                                        "input": decimal.Decimal("1.5")}]))))),
])

table("exc", [
    ("starlette-default", lambda: (lambda e: [e.status_code, e.detail, e.headers, str(e), repr(e)])(
        starlette.exceptions.HTTPException(404))),
    ("fastapi-default", lambda: (lambda e: [e.status_code, e.detail, e.headers, str(e), repr(e)])(
        HTTPException(status_code=503))),
    ("detail-headers", lambda: (lambda e: [e.detail, e.headers, str(e)])(
        HTTPException(401, detail={"a": 1}, headers={"WWW-Authenticate": "Bearer"}))),
    ("detail-empty", lambda: HTTPException(400, detail="").detail),
    ("unknown-status", lambda: HTTPException(599)),
    ("teapot", lambda: HTTPException(418).detail),
    ("mro", lambda: [_qual(c) for c in HTTPException.__mro__]),
    ("args", lambda: [HTTPException(404).args, starlette.exceptions.HTTPException(404, "x").args]),
    ("raise-catch", lambda: _catch(lambda: (_ for _ in ()).throw(HTTPException(409, "conflict")))),
    ("validation", lambda: (lambda e: [e.errors(), e.body, str(e), e.args])(
        RequestValidationError([{"loc": ["body", "x"], "msg": "m", "type": "t"}], body={"x": 1}))),
    ("validation-str-many", lambda: str(RequestValidationError(["e1", "e2"]))),
    ("validation-str-none", lambda: str(RequestValidationError([]))),
    ("validation-mro", lambda: [_qual(c) for c in RequestValidationError.__mro__]),
    ("validation-ctx", lambda: str(RequestValidationError(["e"], endpoint_ctx={
        "function": "f", "path": "GET /x", "file": "m.py", "line": 3}))),
    ("validation-ctx-path", lambda: str(RequestValidationError(["e"], endpoint_ctx={"path": "GET /x"}))),
    ("ws-exc", lambda: (lambda e: [e.code, e.reason, str(e), repr(e)])(fastapi.WebSocketException(1008))),
    ("fastapi-error-names", lambda: [_qual(getattr(fastapi.exceptions, n)) for n in (
        "FastAPIError", "ResponseValidationError", "WebSocketRequestValidationError")]),
])


def _catch(fn):
    try:
        fn()
    except starlette.exceptions.HTTPException as e:
        return ["caught", _qual(type(e)), e.status_code, e.detail]


table("status", [
    ("names", lambda: {n: getattr(status, n) for n in sorted(dir(status)) if n[:3] in ("HTT", "WS_")}),
    ("same", lambda: fastapi.status is __import__("starlette.status").status),
    ("no-fastapi-status-module", lambda: __import__("fastapi.status")),
])

# ---------------------------------------------------------------------------
# jsonable_encoder


class Color(enum.Enum):
    red = "r"
    blue = 2


class Level(enum.IntEnum):
    low = 1


class Inner(BaseModel):
    when: datetime.date
    amount: decimal.Decimal


class Item(BaseModel):
    name: str = Field(alias="itemName")
    inner: Optional[Inner] = None
    tags: list = []
    none: Optional[int] = None
    color: Color = Color.red


class Secretive(BaseModel):
    s: pydantic.SecretStr
    url: pydantic.AnyUrl


@dataclasses.dataclass
class DC:
    x: int
    y: tuple
    z: Optional[dict] = None


class SA:
    """Looks like a SQLAlchemy row: plain attributes plus _sa_instance_state."""

    def __init__(self):
        self._sa_instance_state = object()
        self.id = 1
        self.name = "row"
        self.price = decimal.Decimal("9.90")


class Slots:
    __slots__ = ("a",)

    def __init__(self):
        self.a = 1


class Pairs:
    def __iter__(self):
        return iter([("k", 1), ("j", [2])])


class MyStr(str):
    pass


class MyDate(datetime.date):
    pass


class Computed(BaseModel):
    a: int

    @pydantic.computed_field
    @property
    def double(self) -> int:
        return self.a * 2


class Serialized(BaseModel):
    when: datetime.datetime

    @pydantic.field_serializer("when")
    def ser_when(self, v):
        return v.strftime("%Y/%m/%d")


class Point(collections.namedtuple("Point", "x y")):
    pass


class Mode(str, enum.Enum):
    fast = "f"


def _item():
    return Item(itemName="x", inner=Inner(when=datetime.date(2020, 1, 1), amount=decimal.Decimal("2.50")))


def _gen_values():
    yield 1
    yield datetime.time(1, 2)


J = jsonable_encoder
table("jsonable", [
    ("none", lambda: J(None)), ("bool", lambda: J(True)), ("int", lambda: J(7)), ("float", lambda: J(1.5)),
    ("nan", lambda: J(float("nan"))), ("bigint", lambda: J(2 ** 70)), ("str", lambda: J("s")),
    ("str-sub", lambda: show(type(J(MyStr("m"))))),
    ("bytes", lambda: J(b"bytes")), ("bytes-bad", lambda: J(b"\xff")), ("bytearray", lambda: J(bytearray(b"ba"))),
    ("list-tuple", lambda: J([1, (2, 3), [4]])), ("set", lambda: J({3, 1, 2})),
    ("frozenset", lambda: J(frozenset([5]))),
    ("deque", lambda: J(collections.deque([1, 2]))), ("generator", lambda: J(_gen_values())),
    ("dict-int-keys", lambda: J({1: "a", 2.5: "b", None: "c", True: "d"})),
    ("dict-tuple-key", lambda: J({(1, 2): "t"})),
    ("dict-enum-key", lambda: J({Color.red: 1, datetime.date(2020, 1, 1): 2})),
    ("dict-sa", lambda: J({"_sa_x": 1, "k": 2, "_sb": 3})),
    ("dict-sa-unsafe", lambda: J({"_sa_x": 1, "k": 2}, sqlalchemy_safe=False)),
    ("dict-include", lambda: J({"a": 1, "b": 2, "c": 3}, include={"a", "c"})),
    ("dict-include-list", lambda: J({"a": 1, "b": 2}, include=["b"])),
    ("dict-exclude", lambda: J({"a": 1, "b": 2}, exclude={"a"})),
    ("dict-exclude-none", lambda: J({"a": None, "b": {"c": None}}, exclude_none=True)),
    ("dict-nested-include", lambda: J({"a": {"a": 1, "b": 2}}, include={"a"})),
    ("datetime", lambda: J(datetime.datetime(2024, 1, 2, 3, 4, 5, 6))),
    ("datetime-tz", lambda: J(datetime.datetime(2024, 1, 2, tzinfo=datetime.timezone(datetime.timedelta(hours=-5))))),
    ("date", lambda: J(datetime.date(2024, 2, 29))), ("date-sub", lambda: J(MyDate(2024, 1, 1))),
    ("time", lambda: J(datetime.time(1, 2, 3, 4))),
    ("timedelta", lambda: J(datetime.timedelta(days=1, microseconds=5))),
    ("timedelta-neg", lambda: J(datetime.timedelta(seconds=-1.5))),
    ("decimal-frac", lambda: J(decimal.Decimal("1.50"))), ("decimal-int", lambda: J(decimal.Decimal("10"))),
    ("decimal-exp", lambda: J(decimal.Decimal("1E+2"))), ("decimal-neg-exp", lambda: J(decimal.Decimal("1E-2"))),
    ("decimal-nan", lambda: J(decimal.Decimal("NaN"))), ("decimal-inf", lambda: J(decimal.Decimal("-Infinity"))),
    ("decimal-big", lambda: J(decimal.Decimal("123456789012345678901234567890"))),
    ("uuid", lambda: J(uuid.UUID(int=5))), ("enum", lambda: J([Color.red, Color.blue, Level.low])),
    ("path", lambda: J([pathlib.PurePosixPath("/a/b"), pathlib.Path("rel/x")])),
    ("ip", lambda: J([ipaddress.ip_address("10.0.0.1"), ipaddress.ip_network("10.0.0.0/8"),
                      ipaddress.ip_interface("::1/128")])),
    ("pattern", lambda: J(re.compile(r"a+b"))),
    ("model", lambda: J(_item())),
    ("model-by-alias-false", lambda: J(_item(), by_alias=False)),
    ("model-include", lambda: J(_item(), include={"name", "inner"})),
    ("model-include-list", lambda: J(_item(), include=["name"])),
    ("model-exclude", lambda: J(_item(), exclude={"inner"})),
    ("model-exclude-nested", lambda: J(_item(), exclude={"inner": {"when"}})),
    ("model-exclude-none", lambda: J(_item(), exclude_none=True)),
    ("model-exclude-unset", lambda: J(Item(itemName="y", none=None), exclude_unset=True)),
    ("model-exclude-defaults", lambda: J(Item(itemName="y", tags=[]), exclude_defaults=True)),
    ("model-list", lambda: J([Item(itemName="y"), {"m": Item(itemName="z")}])),
    ("model-secret", lambda: J(Secretive(s="pw", url="http://x.com/a b"))),
    ("secret-direct", lambda: J([pydantic.SecretStr("pw"), pydantic.SecretBytes(b"pb")])),
    ("anyurl-direct", lambda: J(pydantic.AnyUrl("https://x.com:443/p?q=1"))),
    ("nameemail-direct", lambda: J(pydantic.NameEmail("Ann", "ann@x.com"))),
    ("dataclass", lambda: J(DC(1, (2, 3), {"k": datetime.date(2020, 1, 2)}))),
    ("dataclass-include", lambda: J(DC(1, (2,)), include={"x"})),
    ("dataclass-exclude-none", lambda: J(DC(1, (2,)), exclude_none=True)),
    ("dataclass-class", lambda: J(DC)),
    ("custom", lambda: J({"d": datetime.date(2020, 1, 1), "n": 1}, custom_encoder={datetime.date: lambda d: "DATE"})),
    ("custom-subclass", lambda: J(MyDate(2020, 1, 1), custom_encoder={datetime.date: lambda d: "D"})),
    ("custom-exact-first", lambda: J(True, custom_encoder={int: lambda v: "int", bool: lambda v: "bool"})),
    ("custom-model-field", lambda: J(_item(), custom_encoder={decimal.Decimal: str})),
    ("custom-dataclass", lambda: J(DC(1, (2,), {"d": decimal.Decimal("1.5")}), custom_encoder={decimal.Decimal: str})),
    ("sqlalchemy-like", lambda: J(SA())),
    ("sqlalchemy-like-include", lambda: J(SA(), include={"id"})),
    ("pairs-iterable", lambda: J(Pairs())),
    ("slots", lambda: J(Slots())),
    ("object", lambda: J(object())),
    ("function", lambda: J(len)),
    ("undefined", lambda: J(__import__("pydantic_core").PydanticUndefined)),
    ("pydantic-v1", lambda: _v1_model()),
    ("computed-field", lambda: J(Computed(a=2))),
    ("field-serializer", lambda: J(Serialized(when=datetime.datetime(2020, 1, 2, 3, 4)))),
    ("root-model", lambda: J(pydantic.RootModel[list](root=[1, Color.red]))),
    ("namedtuple", lambda: J(Point(1, 2))),
    ("str-enum", lambda: show(type(J(Mode.fast)))),
    ("int-subclass", lambda: show(type(J(Level.low)))),
    ("bool-key", lambda: J({True: 1, 1.0: 2})),
    ("nested-model-alias", lambda: J({"k": [_item()]}, by_alias=False)),
    ("model-in-dict-exclude-none", lambda: J({"m": Item(itemName="z"), "n": None}, exclude_none=True)),
    ("model-exclude-list", lambda: J(_item(), exclude=["inner", "tags"])),
    ("nested-mixed", lambda: J({"items": [DC(1, (Color.blue,))], "when": {datetime.time(0, 0)}})),
])


def _v1_model():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pydantic import v1

        class Old(v1.BaseModel):
            a: int = 1

    return J(Old())


# ---------------------------------------------------------------------------
# fastapi.sse, fastapi.concurrency


def _sse():
    import fastapi.sse

    return fastapi.sse


def _sse_event(**kw):
    e = _sse().ServerSentEvent(**kw)
    return [e.model_dump(), sorted(e.model_fields_set)]


table("sse", [
    ("format-all", lambda: _sse().format_sse_event(data_str='{"n": 1}', event="count", id="7", retry=10,
                                                    comment="c1\r\nc2")),
    ("format-multiline", lambda: _sse().format_sse_event(data_str="a\rb\n\nc")),
    ("format-empty", lambda: _sse().format_sse_event()),
    ("keepalive", lambda: _sse().KEEPALIVE_COMMENT),
    ("event", lambda: _sse_event(data={"n": 1}, event="count", id="1", retry=1500, comment="x")),
    ("event-raw", lambda: _sse_event(raw_data="bye", event="end")),
    ("event-both", lambda: _sse_event(data=1, raw_data="x")),
    ("event-newline", lambda: _sse_event(event="a\nb")),
    ("event-id-null", lambda: _sse_event(id="a\0b")),
    ("event-id-newline", lambda: _sse_event(id="a\rb")),
    ("event-retry-negative", lambda: _sse_event(retry=-1)),
    ("event-class", lambda: _qual(_sse().ServerSentEvent)),
    ("response", lambda: (lambda r: [resp(r), arun(_collect(r.body_iterator))])(
        _sse().EventSourceResponse(_agen(), headers={"cache-control": "no-cache"}))),
    ("response-mro", lambda: [_qual(c) for c in _sse().EventSourceResponse.__mro__]),
])


def _cm_in_thread(raise_inside, suppress):
    import contextlib
    import threading

    import fastapi.concurrency

    log = []

    @contextlib.contextmanager
    def cm():
        log.append(("enter", threading.current_thread() is threading.main_thread()))
        try:
            yield "value"
        except KeyError as e:
            log.append(("saw", repr(e)))
            if not suppress:
                raise
        finally:
            log.append(("exit", threading.current_thread() is threading.main_thread()))

    async def body():
        async with fastapi.concurrency.contextmanager_in_threadpool(cm()) as v:
            log.append(("body", v))
            if raise_inside:
                raise KeyError("k")
        return "done"

    try:
        log.append(arun(body()))
    except KeyError as e:
        log.append(("raised", repr(e)))
    return log


def _in_pool():
    import threading

    import fastapi.concurrency

    def work(a, b=0):
        return [a + b, threading.current_thread() is threading.main_thread()]

    return arun(fastapi.concurrency.run_in_threadpool(work, 1, b=2))


table("concurrency", [
    ("run-in-threadpool", _in_pool),
    ("same-function", lambda: __import__("fastapi.concurrency").concurrency.run_in_threadpool is
        __import__("starlette.concurrency").concurrency.run_in_threadpool),
    ("iterate", lambda: arun(_collect(__import__("starlette.concurrency").concurrency.iterate_in_threadpool(
        iter([1, 2]))))),
    ("cm-ok", lambda: _cm_in_thread(False, False)),
    ("cm-raise", lambda: _cm_in_thread(True, False)),
    ("cm-suppress", lambda: _cm_in_thread(True, True)),
])

# ---------------------------------------------------------------------------
# modules and names a handler imports

table("names", [
    ("fastapi", lambda: [n for n in ("FastAPI", "APIRouter", "HTTPException", "Request", "Response",
                                     "BackgroundTasks", "UploadFile", "Depends", "Query", "status",
                                     "WebSocket", "WebSocketException") if hasattr(fastapi, n)]),
    ("classes", lambda: [_qual(c) for c in (Request, Response, JSONResponse, BackgroundTasks, BackgroundTask,
                                            HTTPException, starlette.exceptions.HTTPException, Headers,
                                            MutableHeaders, QueryParams, URL, State, fastapi.UploadFile,
                                            starlette.datastructures.UploadFile,
                                            starlette.datastructures.Address)]),
    ("handler-modules", lambda: [f.__module__ for f in (
        fastapi.exception_handlers.http_exception_handler,
        fastapi.exception_handlers.request_validation_exception_handler)]),
    ("request-identity", lambda: [fastapi.Request is starlette.requests.Request,
                                  __import__("fastapi.requests").requests.Request is Request]),
    ("encoders", lambda: fastapi.encoders.jsonable_encoder is jsonable_encoder),
    ("routing", lambda: [hasattr(__import__("fastapi.routing").routing, n) for n in ("APIRouter", "APIRoute")]),
    ("credentials", lambda: (lambda sec: [_qual(sec.HTTPBasicCredentials), _qual(sec.HTTPAuthorizationCredentials)])(
        __import__("fastapi.security").security)),
    ("webhooks", lambda: type(FastAPI().webhooks).__name__),
    ("app-debug", lambda: [FastAPI().debug, FastAPI(debug=True).debug]),
    ("uploadfile", lambda: (lambda u: [u.filename, u.size, u.content_type, repr(u), arun(u.read()),
                                       u.headers.items()])(
        fastapi.UploadFile(__import__("io").BytesIO(b"data"), size=4, filename="f.txt",
                           headers=Headers({"content-type": "text/plain"})))),
])


def main():
    out = {name: run(fn) for name, fn in CASES.items()}
    versions = {"python": "%d.%d.%d" % sys.version_info[:3], "pydantic": pydantic.VERSION,
                "fastapi": fastapi.__version__, "starlette": __import__("starlette").__version__}
    json.dump({"stack": _STACK, "versions": versions, "cases": out}, sys.stdout, ensure_ascii=True,
              sort_keys=True, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
