"""covetgen bridge worker: runs handler bodies of a FastAPI app in CPython for a Go service.

Started by runtime/bridge as

    python3 worker.py --root ROOT --app module:attr [--fd 3] [--threads 40]

It imports the app once (ROOT first on sys.path; fastapi stand-ins from compat.py when the
real package is absent), then serves calls over the Unix socket inherited on --fd.

Frames, both ways: a 4-byte big-endian length N, then N bytes: an 8-byte big-endian call
id, a 1-byte kind and the payload.

  Go -> worker  'C' call    {"fn": "module:qualname", "args": [...], "kw": {...}, "mode": "v"|"b"}
  worker -> Go  'R' ready   {"pid": ..., "python": ..., "fastapi": "real"|"compat"}  (id 0)
                'F' fatal   {"tb": traceback}                                     (id 0, then exit)
                'V' value   the result as tagged JSON (mode "v")
                'B' body    json.dumps(jsonable_encoder(result)) as JSONResponse renders it (mode "b")
                'H' raised HTTPException {"status", "detail" (its json.dumps text), "headers"}
                'E' raised exception {"type", "module", "mro", "msg", "tb"}

Tagged JSON: plain JSON for None, bool, int, float (NaN/Infinity literals), str, list and
dicts with str keys; other values are objects with a "$t" key: tuple, set, frozenset,
bytes (base64), date, time, datetime (isoformat), timedelta ([days, seconds, us]), uuid,
decimal (str), dict (pairs: non-str keys, or a "$t" key), enum (cls, v), model (cls
"module:Qualname", v = model_dump(mode="python"), set = model_fields_set) and dataclass.
Arguments in model tags are rebuilt with Model.model_validate, enums with Enum(value).
Async handlers run as tasks on one asyncio loop; sync ones in a 40-thread pool, as
FastAPI runs them through anyio.
"""

import argparse
import asyncio
import base64
import concurrent.futures
import contextvars
import dataclasses
import datetime
import decimal
import enum
import functools
import importlib
import inspect
import json
import os
import socket
import struct
import sys
import traceback
import uuid

_HDR = struct.Struct(">IQB")
_resolved = {}
_app_module = ""
_http_exc_types = ()
_jsonable_encoder = None
_BaseModel = None


def _frame(cid, kind, payload):
    return _HDR.pack(9 + len(payload), cid, kind) + payload


def _dumps(obj):
    return json.dumps(obj, ensure_ascii=True, allow_nan=True, separators=(",", ":")).encode("ascii")


def resolve(name):
    """'module:Qual.name' (or a bare 'Qual.name' in the app's module) to the object."""
    obj = _resolved.get(name)
    if obj is not None:
        return obj
    mod, sep, qual = name.partition(":")
    if not sep:
        mod, qual = _app_module, name
    obj = importlib.import_module(mod)
    for part in qual.split("."):
        obj = getattr(obj, part)
    _resolved[name] = obj
    return obj


def decode(v):
    t = type(v)
    if t is list:
        return [decode(x) for x in v]
    if t is not dict:
        return v
    tag = v.get("$t")
    if tag is None:
        return {k: decode(x) for k, x in v.items()}
    x = v.get("v")
    if tag == "model":
        return resolve(v["cls"]).model_validate(decode(x))
    if tag == "tuple":
        return tuple(decode(i) for i in x)
    if tag == "set":
        return {decode(i) for i in x}
    if tag == "frozenset":
        return frozenset(decode(i) for i in x)
    if tag == "dict":
        return {decode(k): decode(i) for k, i in x}
    if tag == "bytes":
        return base64.b64decode(x)
    if tag == "date":
        return datetime.date.fromisoformat(x)
    if tag == "time":
        return datetime.time.fromisoformat(x)
    if tag == "datetime":
        return datetime.datetime.fromisoformat(x)
    if tag == "timedelta":
        return datetime.timedelta(days=x[0], seconds=x[1], microseconds=x[2])
    if tag == "uuid":
        return uuid.UUID(x)
    if tag == "decimal":
        return decimal.Decimal(x)
    if tag == "enum":
        return resolve(v["cls"])(decode(x))
    raise ValueError("covetgen bridge: unknown tag %r" % (tag,))


def _cls_name(c):
    return "%s:%s" % (c.__module__, c.__qualname__)


def encode(o):
    t = type(o)
    if o is None or t is bool or t is str or t is int or t is float:
        return o
    if t is list:
        return [encode(i) for i in o]
    if t is dict:
        if "$t" not in o and all(type(k) is str for k in o):
            return {k: encode(i) for k, i in o.items()}
        return {"$t": "dict", "v": [[encode(k), encode(i)] for k, i in o.items()]}
    if isinstance(o, _BaseModel):
        return {"$t": "model", "cls": _cls_name(t), "v": encode(o.model_dump(mode="python")),
                "set": sorted(o.model_fields_set)}
    if isinstance(o, enum.Enum):
        return {"$t": "enum", "cls": _cls_name(t), "v": encode(o.value)}
    if isinstance(o, bool):
        return bool(o)
    if isinstance(o, int):
        return int(o)
    if isinstance(o, float):
        return float(o)
    if isinstance(o, str):
        return str(o)
    if isinstance(o, tuple):
        return {"$t": "tuple", "v": [encode(i) for i in o]}
    if isinstance(o, list):
        return [encode(i) for i in o]
    if isinstance(o, dict):
        return encode(dict(o))
    if isinstance(o, frozenset):
        return {"$t": "frozenset", "v": [encode(i) for i in o]}
    if isinstance(o, set):
        return {"$t": "set", "v": [encode(i) for i in o]}
    if isinstance(o, (bytes, bytearray, memoryview)):
        return {"$t": "bytes", "v": base64.b64encode(bytes(o)).decode("ascii")}
    if isinstance(o, datetime.datetime):
        return {"$t": "datetime", "v": o.isoformat()}
    if isinstance(o, datetime.date):
        return {"$t": "date", "v": o.isoformat()}
    if isinstance(o, datetime.time):
        return {"$t": "time", "v": o.isoformat()}
    if isinstance(o, datetime.timedelta):
        return {"$t": "timedelta", "v": [o.days, o.seconds, o.microseconds]}
    if isinstance(o, uuid.UUID):
        return {"$t": "uuid", "v": str(o)}
    if isinstance(o, decimal.Decimal):
        return {"$t": "decimal", "v": str(o)}
    if dataclasses.is_dataclass(o) and not isinstance(o, type):
        return {"$t": "dataclass", "cls": _cls_name(t),
                "v": {f.name: encode(getattr(o, f.name)) for f in dataclasses.fields(o)}}
    raise TypeError("covetgen bridge cannot send a value of type %s to Go" % (t.__qualname__,))


def _render_body(result):
    content = _jsonable_encoder(result)
    return json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None,
                      separators=(",", ":")).encode("utf-8")


def _is_async(fn):
    while isinstance(fn, functools.partial):
        fn = fn.func
    if inspect.iscoroutinefunction(fn):
        return True
    call = getattr(fn, "__call__", None)
    return inspect.isclass(fn) is False and inspect.iscoroutinefunction(call)


def _exception_payload(e):
    t = type(e)
    return _dumps({"type": t.__name__, "module": t.__module__,
                   "mro": [c.__name__ for c in t.__mro__],
                   "msg": _safe_str(e),
                   "tb": "".join(traceback.format_exception(t, e, e.__traceback__))})


def _safe_str(e):
    try:
        return str(e)
    except Exception:
        return "<unprintable %s>" % (type(e).__name__,)


class Server(asyncio.Protocol):
    """The worker's end of the socket: parses call frames as they arrive and runs each
    call as a task; results are written back in completion order."""

    def __init__(self, pool, closed):
        self.pool = pool
        self.closed = closed
        self.buf = bytearray()
        self.tasks = set()
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        buf = self.buf
        buf += data
        loop = asyncio.get_running_loop()
        while len(buf) >= 4:
            (n,) = struct.unpack_from(">I", buf)
            if len(buf) < 4 + n:
                break
            cid, kind = struct.unpack_from(">QB", buf, 4)
            payload = bytes(buf[13:4 + n])
            del buf[:4 + n]
            if kind == ord("C"):
                task = loop.create_task(self.handle(cid, payload))
                self.tasks.add(task)
                task.add_done_callback(self.tasks.discard)

    def eof_received(self):
        loop = asyncio.get_running_loop()
        loop.create_task(self.drain())
        return True  # keep the write side open for the results still to come

    def connection_lost(self, exc):
        if not self.closed.done():
            self.closed.set_result(None)

    async def drain(self):
        while self.tasks:
            await asyncio.gather(*list(self.tasks), return_exceptions=True)
        self.transport.close()

    async def handle(self, cid, payload):
        try:
            req = json.loads(payload)
            fn = resolve(req["fn"])
            args = decode(req.get("args") or [])
            kw = decode(req.get("kw") or {})
            if _is_async(fn):
                result = await fn(*args, **kw)
            else:
                ctx = contextvars.copy_context()
                result = await asyncio.get_running_loop().run_in_executor(
                    self.pool, functools.partial(ctx.run, fn, *args, **kw))
            if req.get("mode") == "b":
                kind, out = ord("B"), _render_body(result)
            else:
                kind, out = ord("V"), _dumps(encode(result))
        except _http_exc_types as e:
            try:
                detail = json.dumps(e.detail, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
                headers = None
                if e.headers is not None:
                    headers = [[str(k), str(v)] for k, v in dict(e.headers).items()]
                kind, out = ord("H"), _dumps({"status": e.status_code, "detail": detail, "headers": headers})
            except BaseException as e2:
                kind, out = ord("E"), _exception_payload(e2)
        except BaseException as e:
            kind, out = ord("E"), _exception_payload(e)
        if not self.transport.is_closing():
            self.transport.write(_frame(cid, kind, out))


async def _main_async(sock, threads):
    loop = asyncio.get_running_loop()
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=threads, thread_name_prefix="covetgen")
    closed = loop.create_future()
    await loop.connect_accepted_socket(lambda: Server(pool, closed), sock=sock)
    await closed
    pool.shutdown(wait=True)


def main():
    global _app_module, _http_exc_types, _jsonable_encoder, _BaseModel
    p = argparse.ArgumentParser()
    p.add_argument("--root", required=True)
    p.add_argument("--app", required=True)
    p.add_argument("--fd", type=int, default=3)
    p.add_argument("--threads", type=int, default=40)
    a = p.parse_args()
    sock = socket.socket(fileno=a.fd)
    sock.setblocking(True)
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        sys.path.insert(0, os.path.abspath(a.root))
        sys.path.insert(1, here)
        import covetgen_compat
        compat = covetgen_compat.install()
        sys.path.remove(here)
        from pydantic import BaseModel
        _BaseModel = BaseModel
        types = []
        for mod in ("starlette.exceptions", "fastapi"):
            try:
                types.append(importlib.import_module(mod).HTTPException)
            except ImportError:
                pass
        types.append(covetgen_compat.StarletteHTTPException)
        _http_exc_types = tuple(types)
        import fastapi.encoders
        _jsonable_encoder = fastapi.encoders.jsonable_encoder
        modname, _, attr = a.app.partition(":")
        _app_module = modname
        mod = importlib.import_module(modname)
        if attr:
            resolve(a.app)
    except BaseException as e:
        sock.sendall(_frame(0, ord("F"), _dumps({"tb": "".join(
            traceback.format_exception(type(e), e, e.__traceback__))})))
        sock.close()
        sys.exit(3)
    sock.sendall(_frame(0, ord("R"), _dumps({"pid": os.getpid(), "python": sys.version,
                                             "fastapi": "compat" if compat else "real"})))
    asyncio.run(_main_async(sock, a.threads))


if __name__ == "__main__":
    main()
