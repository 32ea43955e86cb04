"""covetgen bridge worker: runs handler bodies of a FastAPI app in CPython for a Go service.

Started by runtime/bridge as

    python3 worker.py --root ROOT --app module:attr [--fd 3] [--threads 40]

It imports the app once (ROOT first on sys.path; fastapi stand-ins from covetgen_compat.py
when the real package is absent), then serves calls over the Unix socket inherited on --fd.

Frames, both ways: a 4-byte big-endian length N, then N bytes: an 8-byte big-endian call
id, a 1-byte kind and the payload.

  Go -> worker  'C' call    {"fn": "module:qualname", "args": [...], "kw": {...}, "mode": "v"|"b"}
                            with "sid" (a session id) for the calls of a session; see Session
  worker -> Go  'R' ready   {"pid": ..., "python": ..., "fastapi": "real"|"compat"}  (id 0)
                'F' fatal   {"tb": traceback}                                     (id 0, then exit)
                'V' value   the result as tagged JSON (mode "v")
                'B' body    json.dumps(jsonable_encoder(result)) as JSONResponse renders it (mode "b")
                'H' raised HTTPException {"status", "detail" (its json.dumps text), "headers"}
                'E' raised exception {"type", "module", "mro", "msg", "tb"}
                'S' session reply: a 4-byte big-endian length M, M bytes of JSON meta
                    {"k": kind, ...} and the data: kind "V", "B", "H", "E" as above with the
                    frame's payload as data; "P" a starlette Response ("status", "headers";
                    data the body); "N" nothing (a close or background run that went well)
                'T' a streamed "P" reply's start (as 'S', no data), then 'D' (one body chunk,
                    the raw bytes) per chunk, then 'Z' (the end, empty) or 'A' (the body
                    raised: an 'E' payload); all with the call's id (see "Streamed replies")
  Go -> worker  'K' ack     one chunk of the call's stream was written to the client (empty)
                'X' cancel  stop the call's stream and close its iterator (empty)

Session calls ("sid" set) also carry "op": "call" (default), "chain" (several calls in
order, "steps" their call objects, "base" the number of the first: a "step" argument
{"$t": "step", "s": sid, "n": number} is the result of an earlier step of the same chain;
the reply is the last step's, or that of the step that raised), "close", "exitfn" (exit the
function-scope generators), "bg" (run the background tasks), "val" (validate a body
parameter) or "exc" (an app exception handler, "sid" 0), and for "call": "gen" (enter a
generator function as FastAPI enters a yield dependency), "fscope" (its scope is
"function"), "req" (the RequestInfo), "rq"/"rs"/"bt" (parameter names to fill with the
Request, the sub-Response, the BackgroundTasks), "resp" (the response field: validate and
serialize the result as FastAPI's serialize_response, reply "B": {"model" source of
response_model= or "" for the return annotation, "mod" its module, "inc"/"exc" tagged,
"alias"/"unset"/"defaults"/"none" the response_model_* flags, "dj" dump_json});
for "close"/"exitfn": "raised" (the exception the request's handling ended with);
for "val": "fn", "param", "body" (base64), "raw" (validate the bytes), "key" (embedded),
"loc"; the reply is "V" (a ref to the validated value) or "X" (the errors, data a JSON
list of {"type", "loc", "msg", "input" JSON text, "ctx" [[key, JSON text]...] or null}).

Tagged JSON: plain JSON for None, bool, int, float (NaN/Infinity literals), str, list and
dicts with str keys; other values are objects with a "$t" key: tuple, set, frozenset,
bytes (base64), date, time, datetime (isoformat), timedelta ([days, seconds, us]), uuid,
decimal (str), dict (pairs: non-str keys, or a "$t" key), enum (cls, v), model (cls
"module:Qualname", v = model_dump(mode="python"), set = model_fields_set), dataclass,
upload (an argument only: {"filename", "headers" [[name, value]...], "data" base64}, rebuilt
as the starlette UploadFile of a form's file part) and,
in a session, ref ("id", "s" the session, "cls"): a value that cannot be sent, kept in the
session and sent back as the same object.
Arguments in model tags are rebuilt with Model.model_validate (a plain tree of models in one
call: see _plain_rebuild), enums with Enum(value).
Async handlers run as tasks on one asyncio loop (uvloop's when it is installed, as uvicorn
picks it); sync ones in a 40-thread pool, as FastAPI runs them through anyio.
"""

import argparse
import asyncio
import base64
import builtins
import collections
import concurrent.futures
import contextlib
import contextvars
import dataclasses
import datetime
import decimal
import enum
import functools
import gc
import importlib
import inspect
import json
import mimetypes
import os
import queue
import re
import secrets
import socket
import stat
import struct
import sys
import threading
import traceback
import types
import urllib.parse
import uuid
from email.utils import formatdate
import hashlib

_HDR = struct.Struct(">IQB")
_resolved = {}
_lifespan_state = {}
_url_types = ()
_app_module = ""
_http_exc_types = ()
_jsonable_encoder = None
_BaseModel = None
_app = None
_web = None  # the starlette/fastapi names the worker uses (see _Web)


def _frame(cid, kind, payload):
    return _HDR.pack(9 + len(payload), cid, kind) + payload


# The encoders of the frames and of JSONResponse bodies, built once: json.dumps with
# other than its default options builds a new JSONEncoder at each call. Same output.
_FRAME_JSON = json.JSONEncoder(ensure_ascii=True, allow_nan=True, separators=(",", ":"))
_BODY_JSON = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _dumps(obj):
    return _FRAME_JSON.encode(obj).encode("ascii")


def resolve(name):
    """'module:Qual.name', a bare 'Qual.name' in the app's module, or a dotted
    'package.module.Qual.name' (the longest importable module prefix) to the object; or
    a route target (JSON text, see _route_callable) for a function without such a name."""
    obj = _resolved.get(name)
    if obj is not None:
        return obj
    mod, sep, qual = name.partition(":")
    if name.startswith("{"):
        obj = _route_callable(_app, json.loads(name))
    elif sep and "[" in qual:
        obj = _parametrized(importlib.import_module(mod), qual)
    elif sep:
        obj = _getattrs(importlib.import_module(mod), qual)
    else:
        try:
            obj = _getattrs(importlib.import_module(_app_module), name)
        except AttributeError:
            parts = name.split(".")
            for i in range(len(parts) - 1, 0, -1):
                try:
                    m = importlib.import_module(".".join(parts[:i]))
                except ImportError:
                    continue
                obj = _getattrs(m, ".".join(parts[i:]))
                break
            else:
                raise
    _resolved[name] = obj
    return obj


def _route_callable(app, spec):
    """The callable a route target names, found as FastAPI holds it: a function without a
    module-level name (a lambda, a closure a factory made, an endpoint a decorator
    wrapped). spec is {"route": {"mounts", "path", "name", "methods"}, "dep": [i, j...]}:
    the route of app (through the mounts, then in the route table with the included
    routers' routes, as FastAPI's router iterates them), then route.dependant
    .dependencies[i].dependencies[j]... (app, router and route dependencies= first, then
    the parameters' Depends, as FastAPI builds it); without "dep", the route's endpoint.
    "call" (optional) is the __name__ the callable must have."""
    route = spec["route"]
    for prefix in route.get("mounts") or ():
        app = _mounted_app(app, prefix)
    methods = set(route.get("methods") or ())
    found = None
    for r in _route_table(app):
        rm = set(getattr(r, "methods", None) or ())
        if getattr(r, "path", None) == route["path"] and getattr(r, "name", None) == route.get("name") \
                and methods <= rm and rm - methods <= {"HEAD"} and getattr(r, "dependant", None) is not None:
            found = r
            break
    if found is None:
        raise LookupError("covetgen bridge: no route %s %s in the app" % (sorted(methods), route["path"]))
    path = spec.get("dep") or []
    if not path:
        return found.endpoint
    d = found.dependant
    for i in path:
        if not 0 <= i < len(d.dependencies):
            raise LookupError("covetgen bridge: route %s %s has no dependency %r" % (
                sorted(methods), route["path"], path))
        d = d.dependencies[i]
    want = spec.get("call")
    if want is not None and getattr(d.call, "__name__", None) != want:
        raise LookupError("covetgen bridge: dependency %r of route %s %s is %r, not %s" % (
            path, sorted(methods), route["path"], d.call, want))
    return d.call


def _route_table(app):
    """The routes of app's router as FastAPI matches them: FastAPI 0.141 keeps an included
    router as one entry, which fastapi.routing.iter_route_contexts expands into its routes
    (prefixes and dependencies merged); the stand-ins provide the same function."""
    return _route_table_of(app.router.routes)


def _route_table_of(routes):
    """routes (a router's entries) with included routers expanded (see _route_table)."""
    expand = getattr(importlib.import_module("fastapi.routing"), "iter_route_contexts", None)
    return expand(routes) if expand is not None else routes


def _mounted_app(app, prefix):
    """The app mounted at prefix in app's routes (a Mount of a FastAPI sub-app)."""
    for r in app.router.routes:
        sub = getattr(r, "app", None)
        if getattr(r, "path", None) == prefix.rstrip("/") and getattr(r, "methods", None) is None \
                and getattr(sub, "router", None) is not None:
            return sub
    raise LookupError("covetgen bridge: no mount %r in the app" % (prefix,))


def _pydantic_url_types():
    """pydantic's URL classes (HttpUrl, AnyUrl, the DSNs...), sent to Go as their text."""
    types = []
    try:
        import pydantic.networks as networks
        for name in ("_BaseUrl", "_BaseMultiHostUrl"):
            if hasattr(networks, name):
                types.append(getattr(networks, name))
        import pydantic_core
        for name in ("Url", "MultiHostUrl"):
            if hasattr(pydantic_core, name):
                types.append(getattr(pydantic_core, name))
    except ImportError:
        pass
    return tuple(types)


def _getattrs(obj, qual):
    for part in qual.split("."):
        obj = getattr(obj, part)
    return obj


def _parametrized(mod, qual):
    """The parametrization of a generic model a qualname such as 'Page[Item]' or
    'Pair[str, int]' names (pydantic's __qualname__ of it): the origin and each argument
    (a builtin or a name of mod, themselves possibly parametrized) resolved, then the
    origin subscripted, which gives pydantic's cached class."""
    qual = qual.strip()
    i = qual.find("[")
    if i < 0:
        if "." not in qual and hasattr(builtins, qual) and not hasattr(mod, qual):
            return getattr(builtins, qual)
        return _getattrs(mod, qual)
    if not qual.endswith("]"):
        raise AttributeError("covetgen bridge: cannot resolve class %r" % qual)
    args, depth, start = [], 0, i + 1
    for j in range(i + 1, len(qual) - 1):
        c = qual[j]
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
        elif c == "," and depth == 0:
            args.append(qual[start:j])
            start = j + 1
    args.append(qual[start:len(qual) - 1])
    params = tuple(_parametrized(mod, a) for a in args)
    return _parametrized(mod, qual[:i])[params if len(params) > 1 else params[0]]


# The JSON types decode returns as they are (no call for them: most arguments are these).
_SCALARS = frozenset((str, int, float, bool, type(None)))


def decode(v, sess=None):
    t = type(v)
    if t is list:
        return [x if type(x) in _SCALARS else decode(x, sess) for x in v]
    if t is not dict:
        return v
    tag = v.get("$t")
    if tag is None:
        return {k: x if type(x) in _SCALARS else decode(x, sess) for k, x in v.items()}
    if tag == "ref":
        if sess is None or v.get("s") != sess.sid:
            raise ValueError("covetgen bridge: a ref used outside its session")
        return sess.refs[v["id"]]
    if tag == "step":
        chain = sess.chain if sess is not None else None
        i = v["n"] - chain[0] if chain is not None and v.get("s") == sess.sid else -1
        if not 0 <= i < len(chain[1]):
            raise ValueError("covetgen bridge: a step result used outside its chain")
        return chain[1][i]
    x = v.get("v")
    if tag == "model":
        if "set" not in v:
            obj = _plain_rebuild(v)  # one validation of a plain tree (see there)
            if obj is not None:
                return obj
        obj = _rebuild(resolve(v["cls"]), decode(x, sess))
        if "set" in v and isinstance(obj, _BaseModel):
            object.__setattr__(obj, "__pydantic_fields_set__", set(v["set"]))
        return obj
    if tag == "tuple":
        return tuple(decode(i, sess) for i in x)
    if tag == "set":
        return {decode(i, sess) for i in x}
    if tag == "frozenset":
        return frozenset(decode(i, sess) for i in x)
    if tag == "dict":
        return {decode(k, sess): decode(i, sess) for k, i in x}
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
        return resolve(v["cls"])(decode(x, sess))
    if tag == "upload":
        return _upload_file(x)
    if tag == "ip":
        # An ipaddress value (IPv4Address, IPv6Network...): its class parses its str().
        return getattr(importlib.import_module("ipaddress"), v["cls"])(x)
    raise ValueError("covetgen bridge: unknown tag %r" % (tag,))


def _upload_file(x):
    """The "upload" tag ({"filename", "headers": [[name, value]...], "data": base64}) as
    Starlette's form parser leaves an uploaded part: a starlette UploadFile (the real one,
    else covetgen_compat's) over a SpooledTemporaryFile of 1 MiB holding the data, at
    position 0, with its size and raw part headers."""
    import tempfile
    ds = importlib.import_module("starlette.datastructures")
    data = base64.b64decode(x["data"])
    spool = tempfile.SpooledTemporaryFile(max_size=1024 * 1024)
    spool.write(data)
    spool.seek(0)
    raw = [(k.encode("latin-1"), val.encode("latin-1")) for k, val in x["headers"]]
    return ds.UploadFile(file=spool, size=len(data), filename=x["filename"], headers=ds.Headers(raw=raw))


class _ThreadPool(concurrent.futures.Executor):
    """The threads sync functions run in, as anyio's: a call goes to the most recently
    idle thread, so the calls of one request made one after another (a sync yield
    dependency, then the endpoint) run on one thread as under FastAPI (sqlite3
    connections, thread-locals); a new thread when none is idle, at most max_workers; then
    calls wait in order."""

    def __init__(self, max_workers):
        self._max = max_workers
        self._lock = threading.Lock()
        self._idle = []  # queues of idle threads, most recently idle last
        self._waiting = collections.deque()
        self._threads = []
        self._closed = False

    def submit(self, fn, /, *args, **kwargs):
        fut = concurrent.futures.Future()
        item = (fut, fn, args, kwargs)
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if self._idle:
                self._idle.pop().put(item)
            elif len(self._threads) < self._max:
                q = queue.SimpleQueue()
                q.put(item)
                t = threading.Thread(target=self._work, args=(q,), name="covetgen_%d" % len(self._threads), daemon=True)
                self._threads.append(t)
                t.start()
            else:
                self._waiting.append(item)
        return fut

    def _work(self, q):
        while True:
            item = q.get()
            if item is None:
                return
            while item is not None:
                fut, fn, args, kwargs = item
                if fut.set_running_or_notify_cancel():
                    try:
                        fut.set_result(fn(*args, **kwargs))
                    except BaseException as e:
                        fut.set_exception(e)
                del fut, fn, args, kwargs
                with self._lock:
                    item = self._waiting.popleft() if self._waiting else None
                    if item is None:
                        if self._closed:
                            return
                        self._idle.append(q)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            self._closed = True
            for q in self._idle:
                q.put(None)
            self._idle.clear()
            threads = list(self._threads)
        if wait:
            for t in threads:
                t.join()


_instances = {}


def _instance(name, cls, init):
    """The instance of cls built with init's arguments (an inline Depends(Checker(3))),
    built once per distinct arguments and kept, as the app keeps its one instance."""
    key = name + "\x00" + json.dumps(init, sort_keys=True)
    obj = _instances.get(key)
    if obj is None:
        obj = cls(*decode(init.get("args") or []), **decode(init.get("kw") or {}))
        _instances[key] = obj
    return obj


def _rebuild(cls, fields):
    """The instance Go sent as a model tag (fields by name): a pydantic model validated
    by field names; an instance of another class (OAuth2PasswordRequestForm,
    SecurityScopes) with the fields as its attributes, as its __init__ sets them."""
    if isinstance(cls, type) and _BaseModel is not None and issubclass(cls, _BaseModel):
        try:
            return cls.model_validate(fields, by_alias=False, by_name=True)
        except TypeError:  # pydantic before 2.11: no by_name
            return cls.model_validate(fields)
    obj = cls.__new__(cls)
    obj.__dict__.update(fields)
    return obj


def _cls_name(c):
    return "%s:%s" % (c.__module__, c.__qualname__)


# Plain model trees. A model tag without "set" (a model Go generates, its fields set only)
# is rebuilt above as _rebuild does it level by level: each nested model validated from its
# fields, then its parent from the instances. When the class is "plain" (_plain_shape) and
# the tag's tree holds nothing but JSON values and nested model tags exactly where the
# class declares those models, ONE model_validate of the same tree with the nested tags
# replaced by their fields gives the same instance: pydantic-core validates each nested
# dict with that field's class, exactly as _rebuild validated it (same fields, so the same
# model_fields_set; by_name/by_alias apply at every level), and no code can tell a nested
# dict from a nested instance because plain classes have no validators, custom schema or
# model_validate of their own, and no field where a model could stand for something else
# (Any, unions of models, dict values...). Cost: one pydantic-core call instead of one
# per model, and no decode of the leaves.


class _NotPlain(Exception):
    """The value is not the plain tree of its shape: decode it the general way."""


_plain_shapes = {}
_PLAIN_BUSY = object()  # a class whose shape is being computed (a recursive model)


def _plain_rebuild(v):
    """The instance of a model tag (no "set") built in one validation, or None when its
    class is not plain or the value not a plain tree of it."""
    try:
        cls = resolve(v["cls"])
    except Exception:
        return None
    strip = _plain_shape(cls)
    fields = v.get("v")
    if strip is None or type(fields) is not dict:
        return None
    try:
        fields = strip(fields)
    except _NotPlain:
        return None
    return _rebuild(cls, fields)


def _plain_shape(cls):
    """The stripper of cls's fields (a model tag's "v" -> the same fields as plain JSON,
    _NotPlain when they do not fit), or None when cls is not a plain model: a pydantic
    model without validators of any kind, custom core schema or model_validate, generic
    parametrization, RootModel, strict config or field, discriminator, and whose fields'
    types hold models only as plain model classes, lists of them or Optional of them."""
    got = _plain_shapes.get(cls)
    if got is _PLAIN_BUSY:
        return None  # recursive: not plain
    if got is not None or cls in _plain_shapes:
        return got
    _plain_shapes[cls] = _PLAIN_BUSY
    try:
        got = _compute_plain_shape(cls)
    except Exception:
        got = None
    _plain_shapes[cls] = got
    return got


def _compute_plain_shape(cls):
    import typing
    if not (isinstance(cls, type) and _BaseModel is not None and issubclass(cls, _BaseModel)):
        return None
    dec = getattr(cls, "__pydantic_decorators__", None)
    if dec is None or any(getattr(dec, k, None) for k in (
            "validators", "field_validators", "root_validators", "model_validators")):
        return None
    meta = getattr(cls, "__pydantic_generic_metadata__", None) or {}
    if meta.get("origin") is not None or meta.get("parameters") or getattr(cls, "__pydantic_root_model__", False):
        return None
    for c in cls.__mro__:
        if c is _BaseModel:
            break
        if "model_validate" in vars(c) or "__get_pydantic_core_schema__" in vars(c):
            return None
    cfg = getattr(cls, "model_config", None) or {}
    if cfg.get("strict") or cfg.get("revalidate_instances", "never") != "never":
        return None
    subs = {}
    for name, f in cls.model_fields.items():
        if f.discriminator is not None or getattr(f, "strict", None):
            return None
        if not all(_constraint(m) for m in f.metadata):
            return None
        sub = _plain_type(f.annotation, typing)
        if sub is False:
            return None
        if sub is not None:
            subs[name] = sub

    def strip(fields):
        if not subs:
            for x in fields.values():
                if type(x) not in _SCALARS:
                    _tag_free(x)
            return fields
        out = dict(fields)
        for k, x in fields.items():
            if type(x) not in _SCALARS:
                sub = subs.get(k)
                if sub is None:
                    _tag_free(x)
                else:
                    out[k] = sub(x)
        return out
    return strip


def _plain_nested(cls):
    """The stripper of a model tag standing where cls is declared: a tag of exactly cls
    without "set", its fields stripped."""
    strip = _plain_shape(cls)
    if strip is None:
        return False
    name = _cls_name(cls)

    def nested(v):
        if type(v) is not dict or v.get("cls") != name or v.get("$t") != "model" or "set" in v:
            raise _NotPlain
        fields = v.get("v")
        if type(fields) is not dict:
            raise _NotPlain
        return strip(fields)
    return nested


def _holds_model(t):
    """Whether the annotation (or Annotated metadata, a validator...) t may hold a model
    or run code on one: anything but plain data types and their containers."""
    import typing
    if isinstance(t, type):
        return issubclass(t, _BaseModel) or dataclasses.is_dataclass(t)
    origin = typing.get_origin(t)
    if origin is None:
        # Constraints (Annotated metadata) hold no model; anything else (Any, a TypeVar,
        # a validator...) may.
        return not _constraint(t)
    return any(_holds_model(a) for a in typing.get_args(t) if not isinstance(a, (str, int, float, bool, bytes)))


def _constraint(m):
    """Whether the Annotated metadata m is a constraint (annotated_types' MinLen, Ge...,
    pydantic's pattern...), which validates a nested dict and a nested instance alike;
    pydantic's Strict is not (a strict model field refuses a dict)."""
    return type(m).__name__ != "Strict" and any(
        c.__name__ == "BaseMetadata" and c.__module__ == "annotated_types" for c in type(m).__mro__)


def _plain_type(t, typing):
    """For a field's type: None when it holds no model (its value must be tag-free), a
    stripper for the plain model classes it holds (M, list[M], Optional[...] of them),
    or False when it holds models otherwise."""
    if not _holds_model(t):
        return None
    if isinstance(t, type) and issubclass(t, _BaseModel):
        return _plain_nested(t)
    origin, args = typing.get_origin(t), typing.get_args(t)
    if origin in (list, typing.List) and len(args) == 1:
        item = _plain_type(args[0], typing)
        if item is False:
            return False

        def strip_list(v):
            if type(v) is not list:
                raise _NotPlain
            return [x if type(x) in _SCALARS else item(x) for x in v] if item is not None else _tag_free(v)
        return strip_list
    if origin is typing.Union or type(t).__name__ == "UnionType":
        members = [a for a in args if a is not type(None)]
        if len(members) != 1 or len(args) != 2:
            return False
        inner = _plain_type(members[0], typing)
        if inner is False:
            return False

        def strip_opt(v):
            return None if v is None else inner(v)
        return strip_opt
    return False


def _tag_free(v):
    """v itself when it is plain JSON without tags; else _NotPlain."""
    t = type(v)
    if t is list:
        for x in v:
            if type(x) not in _SCALARS:
                _tag_free(x)
    elif t is dict:
        if "$t" in v:
            raise _NotPlain
        for x in v.values():
            if type(x) not in _SCALARS:
                _tag_free(x)
    elif t not in _SCALARS:
        raise _NotPlain
    return v


def encode(o, sess=None):
    t = type(o)
    if o is None or t is bool or t is str or t is int or t is float:
        return o
    if t is list:
        return [encode(i, sess) for i in o]
    if t is dict:
        if "$t" not in o and all(type(k) is str for k in o):
            return {k: encode(i, sess) for k, i in o.items()}
        return {"$t": "dict", "v": [[encode(k, sess), encode(i, sess)] for k, i in o.items()]}
    if isinstance(o, _BaseModel):
        if sess is not None and _opaque_model(t):
            # Go has no type for it and rebuilding it from its fields would run its
            # validators again: it stays here.
            return sess.ref(o)
        return {"$t": "model", "cls": _cls_name(t), "v": encode(o.model_dump(mode="python"), sess),
                "set": sorted(o.model_fields_set)}
    if isinstance(o, enum.Enum):
        return {"$t": "enum", "cls": _cls_name(t), "v": encode(o.value, sess)}
    if _url_types and isinstance(o, _url_types):
        return str(o)  # a pydantic URL: Go validates it again from its text
    if isinstance(o, bool):
        return bool(o)
    if isinstance(o, int):
        return int(o)
    if isinstance(o, float):
        return float(o)
    if isinstance(o, str):
        return str(o)
    if isinstance(o, tuple):
        return {"$t": "tuple", "v": [encode(i, sess) for i in o]}
    if isinstance(o, list):
        return [encode(i, sess) for i in o]
    if isinstance(o, dict):
        return encode(dict(o), sess)
    if isinstance(o, frozenset):
        return {"$t": "frozenset", "v": [encode(i, sess) for i in o]}
    if isinstance(o, set):
        return {"$t": "set", "v": [encode(i, sess) for i in o]}
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
                "v": {f.name: encode(getattr(o, f.name), sess) for f in dataclasses.fields(o)}}
    if sess is not None:
        return sess.ref(o)
    raise TypeError("covetgen bridge cannot send a value of type %s to Go" % (t.__qualname__,))


_opaque_classes = {}
_STR_SETTINGS = ("str_strip_whitespace", "str_to_lower", "str_to_upper", "str_min_length", "str_max_length",
                 "use_enum_values", "ser_json_timedelta", "ser_json_bytes", "val_json_bytes")


def _opaque_model(cls):
    """Whether instances of the pydantic model cls stay in the session as refs: the
    models covetgen does not generate in Go (codegen/opaque.go) - validators,
    serializers or computed fields, a generic parametrization, a RootModel, model_config
    settings Go does not reproduce, Field options (exclude, discriminator, strict), or a
    field whose type contains such a model or a union of models."""
    got = _opaque_classes.get(cls)
    if got is None:
        _opaque_classes[cls] = False  # a recursive model is decided by its other fields
        got = _opaque_classes[cls] = _compute_opaque(cls)
    return got


def _compute_opaque(cls):
    import typing
    dec = getattr(cls, "__pydantic_decorators__", None)
    if dec is not None and any(getattr(dec, k, None) for k in (
            "validators", "field_validators", "root_validators", "field_serializers",
            "model_serializers", "model_validators", "computed_fields")):
        return True
    meta = getattr(cls, "__pydantic_generic_metadata__", None) or {}
    if meta.get("origin") is not None or meta.get("parameters"):
        return True
    if getattr(cls, "__pydantic_root_model__", False):
        return True
    cfg = getattr(cls, "model_config", None) or {}
    if cfg.get("extra") == "allow" or cfg.get("alias_generator") is not None or cfg.get("strict"):
        return True
    if any(cfg.get(k) for k in _STR_SETTINGS):
        return True

    def opaque_type(t):
        if isinstance(t, type) and issubclass(t, _BaseModel):
            return _opaque_model(t)
        if dataclasses.is_dataclass(t):
            return True
        args = typing.get_args(t)
        if typing.get_origin(t) is typing.Union or type(t).__name__ == "UnionType":
            members = [a for a in args if a is not type(None)]
            if len(members) > 1 and any(isinstance(a, type) and issubclass(a, _BaseModel) for a in members):
                return True
        return any(opaque_type(a) for a in args if not isinstance(a, (str, int, float, bool)))

    for f in getattr(cls, "model_fields", {}).values():
        if f.exclude or f.discriminator is not None or getattr(f, "strict", None):
            return True
        if opaque_type(f.annotation):
            return True
    return False


def _render_body(result):
    return _BODY_JSON.encode(_jsonable_encoder(result)).encode("utf-8")


def _render_json(content):
    """JSONResponse.render: json.dumps of JSON-ready content, UTF-8."""
    return _BODY_JSON.encode(content).encode("utf-8")


# Opaque models: values of types covetgen does not generate in Go (models with
# validators, computed fields, generics, dataclasses, unions of models...) are validated
# and serialized by pydantic here, as FastAPI 0.141 does (fastapi/_compat/v2.py ModelField:
# a TypeAdapter of the field's annotation, validate_python(value, from_attributes=True),
# the errors relocated under the parameter's loc; dump_json or dump_python(mode="json")).

_adapters = {}


def _type_adapter(key, build):
    ta = _adapters.get(key)
    if ta is None:
        import warnings
        from pydantic import TypeAdapter
        with warnings.catch_warnings():
            # FastAPI silences pydantic's warnings about Field attributes a TypeAdapter
            # does not use (an alias in Annotated metadata).
            warnings.simplefilter("ignore")
            ta = TypeAdapter(build())
        _adapters[key] = ta
    return ta


def _marker_kind(x):
    """"param" for a FastAPI parameter marker (Body(), Query()..., the real ones or
    covetgen_compat's), "depends" for Depends/Security, "" for anything else (pydantic
    metadata)."""
    for c in type(x).__mro__:
        mod = c.__module__ or ""
        if mod.startswith(("fastapi.params", "covetgen_compat")):
            if "Depends" in c.__name__ or "Security" in c.__name__:
                return "depends"
            if c.__name__ in ("Param", "Body", "_Param"):
                return "param"
    return ""


def _marker_discriminator(m):
    d = getattr(m, "discriminator", None)
    if d is None:
        d = (getattr(m, "kwargs", None) or {}).get("discriminator")
    return d


def _param_type(fn, name):
    """The type of the TypeAdapter FastAPI's ModelField builds for fn's parameter name
    (fastapi.dependencies.utils.analyze_param, then ModelField.__post_init__): a FastAPI
    marker in Annotated (the last one) becomes the field's info, with the annotation and
    metadata of the whole annotation merged by pydantic (the attributes of other Field()s,
    a discriminator, are lost); a marker as the default keeps only the first argument of
    an Annotated; without a marker the annotation is used as it is."""
    import typing
    from pydantic import Field
    from pydantic.fields import FieldInfo
    p = inspect.signature(fn, eval_str=True).parameters[name]
    ann = typing.Any if p.annotation is inspect.Parameter.empty else p.annotation
    base, meta = ann, []
    if typing.get_origin(ann) is typing.Annotated:
        args = typing.get_args(ann)
        base, meta = args[0], list(args[1:])
    markers = [m for m in meta if _marker_kind(m)]
    marker = markers[-1] if markers else None
    if marker is not None and _marker_kind(marker) == "param":
        rest = [m for m in meta if not _marker_kind(m)]
        merged = FieldInfo.from_annotation(typing.Annotated[(base, *rest)]) if rest else FieldInfo.from_annotation(base)
        attrs = {}
        if _marker_discriminator(marker) is not None:
            attrs["discriminator"] = _marker_discriminator(marker)
        return typing.Annotated[(merged.annotation, *merged.metadata, Field(**attrs))]
    if _marker_kind(p.default) == "param":
        attrs = {}
        if _marker_discriminator(p.default) is not None:
            attrs["discriminator"] = _marker_discriminator(p.default)
        return typing.Annotated[base, Field(**attrs)]
    return ann


def _jsonable_errors(errors):
    """A validation error list as the 422 handler encodes it (jsonable_encoder), each
    error's input and ctx values as their JSON text for Go to copy into its 422 body."""
    out = []
    for e in _jsonable_encoder(errors):
        ctx = e.get("ctx")
        out.append({"type": e["type"], "loc": e["loc"], "msg": e["msg"],
                    "input": _render_json(e.get("input")).decode("utf-8"),
                    "ctx": None if ctx is None else [[k, _render_json(v).decode("utf-8")] for k, v in ctx.items()]})
    return json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def op_validate(sess, req):
    """A body parameter of an opaque type validated as FastAPI's request_body_to_args
    does: the JSON body (json.loads, as Request.json), or the key of an embedded body,
    or the raw bytes of a body that is not JSON, validated with the TypeAdapter of the
    parameter's field. The instance stays in the session (a ref); errors are the 422's
    items, located under "loc"."""
    fn = resolve(req["fn"])
    if req.get("init") is not None:
        fn = _instance(req["fn"], fn, req["init"])
    body = base64.b64decode(req.get("body") or "")
    if req.get("raw"):
        value = body
    else:
        value = json.loads(body)
        if req.get("key") is not None:
            value = value[req["key"]]
    v, errs = validate_body(req["fn"], fn, req["param"], value, tuple(req.get("loc") or ()))
    if errs:
        return {"k": "X"}, _jsonable_errors(errs)
    return {"k": "V"}, _dumps(sess.ref(v))


def validate_body(name, fn, param, value, loc):
    """FastAPI's ModelField.validate for parameter param of fn (named name): the
    validated value and [], or None and the errors with loc prefixed."""
    from pydantic import ValidationError
    ta = _type_adapter(("p", name, param), lambda: _param_type(fn, param))
    try:
        return ta.validate_python(value, from_attributes=True), []
    except ValidationError as e:
        return None, [{**err, "loc": loc + tuple(err.get("loc", ()))} for err in e.errors(include_url=False)]


def _response_type(fn, spec):
    """The route's response model: response_model= (its source evaluated in the module
    that declares the route), else the endpoint's return annotation."""
    src = spec.get("model") or ""
    if src:
        return eval(src, vars(importlib.import_module(spec["mod"])))
    return inspect.signature(fn, eval_str=True).return_annotation


def _serialize_response(fn, name, spec, result, sess):
    """FastAPI's serialize_response for a route with a response model: the result
    validated against the response field (ResponseValidationError on failure), then
    dumped with the route's response_model_* options: pydantic's dump_json for the
    default response class, else dump_python(mode="json") rendered as JSONResponse."""
    from pydantic import ValidationError
    ta = _type_adapter(("r", name, spec.get("mod"), spec.get("model")), lambda: _response_type(fn, spec))
    try:
        value = ta.validate_python(result, from_attributes=True)
    except ValidationError as e:
        errs = [{**err, "loc": ("response",) + tuple(err.get("loc", ()))} for err in e.errors(include_url=False)]
        raise _web.ResponseValidationError(errs, body=result)
    kw = {"include": decode(spec.get("inc"), sess), "exclude": decode(spec.get("exc"), sess),
          "by_alias": bool(spec.get("alias")), "exclude_unset": bool(spec.get("unset")),
          "exclude_defaults": bool(spec.get("defaults")), "exclude_none": bool(spec.get("none"))}
    if spec.get("dj"):
        return ta.dump_json(value, **kw)
    return _render_json(ta.dump_python(value, mode="json", **kw))


_async_fns = {}  # plain function -> _is_async(function) (bounded: see _is_async)


def _is_async(fn):
    """Whether calling fn gives a coroutine (FastAPI's is_coroutine_callable); cached for
    plain functions (the app's, resolved once), the common case."""
    if type(fn) is not types.FunctionType:
        return _is_async_uncached(fn)
    r = _async_fns.get(fn)
    if r is None:
        if len(_async_fns) >= 4096:
            _async_fns.clear()  # functions made per request: do not grow without bound
        r = _async_fns[fn] = _is_async_uncached(fn)
    return r


def _is_async_uncached(fn):
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


_SUPPRESSED = object()  # an exit stack swallowed the exception
_UNSET = object()       # the session's BackgroundTasks run after the response (no override)
_DEFAULT_HANDLER = object()  # Starlette's own HTTPException/WebSocketException handler
_NOT_AWAITED = (
    "Response not awaited. There's a high chance that the application code is raising an "
    "exception and a dependency with yield has a block with a bare except, or a block with "
    "except Exception, and is not raising the exception again. Read more about it in the docs: "
    "https://fastapi.tiangolo.com/tutorial/dependencies/dependencies-with-yield/"
    "#dependencies-with-yield-and-except")
_UNBOUND = "cannot access local variable 'response' where it is not associated with a value"


class _Web:
    """The fastapi/starlette names the worker uses: the real packages or covetgen_compat's
    stand-ins, which implement the same attributes (Response.status_code, raw_headers,
    body, background; StreamingResponse.body_iterator; FileResponse.path; Request(scope,
    receive); BackgroundTasks().tasks and await tasks(); app.exception_handlers)."""

    def __init__(self):
        fastapi = importlib.import_module("fastapi")
        exc = importlib.import_module("fastapi.exceptions")
        self.Request = fastapi.Request
        self.Response = fastapi.Response
        self.PlainTextResponse = importlib.import_module("fastapi.responses").PlainTextResponse
        self.BackgroundTasks = fastapi.BackgroundTasks
        self.HTTPException = exc.HTTPException
        self.RequestValidationError = exc.RequestValidationError
        self.ResponseValidationError = exc.ResponseValidationError
        self.FastAPIError = getattr(exc, "FastAPIError", None)
        if self.FastAPIError is None:
            self.FastAPIError = type("FastAPIError", (RuntimeError,), {"__module__": "fastapi.exceptions"})
        responses, files, http_exc, ws_exc = [], [], [], []
        for name in ("fastapi.responses", "starlette.responses"):
            try:
                mod = importlib.import_module(name)
            except ImportError:
                continue
            responses.append(mod.Response)
            files.append(mod.FileResponse)
        for name in ("starlette.exceptions",):
            mod = importlib.import_module(name)
            http_exc.append(mod.HTTPException)
            if getattr(mod, "WebSocketException", None) is not None:
                ws_exc.append(mod.WebSocketException)
        self.responses = tuple(set(responses))
        self.files = tuple(set(files))
        self.starlette_http = tuple(set(http_exc))
        self.defaults = tuple(set(http_exc + ws_exc))


def _latin1_headers(raw):
    return [[bytes(k).decode("latin-1"), bytes(v).decode("latin-1")] for k, v in raw]


def _make_request(info):
    """A starlette Request for the RequestInfo sent by Go: an ASGI HTTP scope as uvicorn
    and Starlette's routing build it, and a receive that returns the body once and then
    waits, as a connected client does."""
    info = info or {}
    body = base64.b64decode(info.get("body") or "")
    host, port = info.get("client_host") or "", info.get("client_port") or 0
    shost, sport = info.get("server_host") or "", info.get("server_port") or 0
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": info.get("http_version") or "1.1",
        "server": (shost, sport) if shost else None,
        "client": (host, port) if host else None,
        "scheme": info.get("scheme") or "http",
        "method": info.get("method") or "GET",
        "root_path": info.get("root_path") or "",
        "path": info.get("path") or "/",
        "raw_path": (info.get("raw_path") or "").encode("latin-1"),
        "query_string": (info.get("query_string") or "").encode("latin-1"),
        "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in info.get("headers") or ()],
        "state": dict(_lifespan_state),  # Starlette copies the lifespan's state per request
        "app": _app,
        "path_params": decode(info.get("path_params") or {}),
    }
    router = getattr(_app, "router", None)
    if router is not None:
        scope["router"] = router
    sent = False

    async def receive():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.get_running_loop().create_future()  # the client stays connected

    return _web.Request(scope, receive)


def _raised(x):
    """The exception object for the error Go's request handling ended with."""
    if x is None:
        return None
    kind = x.get("kind")
    if kind == "http":
        headers = x.get("headers")
        return _web.HTTPException(x["status"], detail=x.get("detail"), headers=dict(headers) if headers else None)
    if kind == "validation":
        return _web.RequestValidationError(x.get("errors") or [], body=x.get("body"))
    name, msg = x.get("type") or "Exception", x.get("msg") or ""
    base = getattr(builtins, name, None)
    if isinstance(base, type) and issubclass(base, Exception):
        try:
            return base(msg)
        except Exception:
            pass
    return type(name, (Exception,), {"__module__": x.get("module") or "covetgen_bridge"})(msg)


async def _exit_stack(stack, exc):
    """Exits stack as `async with` does when its body ended with exc (None: normally);
    returns the exception that leaves it, None, or _SUPPRESSED."""
    if exc is None:
        try:
            await stack.aclose()
        except BaseException as e:
            return e
        return None
    try:
        if await stack.__aexit__(type(exc), exc, exc.__traceback__):
            return _SUPPRESSED
    except BaseException as e:
        return e
    return exc


class _ThreadCM:
    """FastAPI's contextmanager_in_threadpool: a sync generator dependency entered in the
    thread pool and exited in another thread (outside the pool's limit)."""

    def __init__(self, cm, pool):
        self.cm, self.pool = cm, pool

    async def __aenter__(self):
        return await asyncio.get_running_loop().run_in_executor(
            self.pool, contextvars.copy_context().run, self.cm.__enter__)

    async def __aexit__(self, typ, exc, tb):
        return await asyncio.get_running_loop().run_in_executor(
            None, contextvars.copy_context().run, self.cm.__exit__, typ, exc, tb)


class Session:
    """The worker's state for the calls of one request: refs, the two exit stacks of
    FastAPI's request_response (function-scope generators inside request-scope ones),
    the Request, the sub-Response and the BackgroundTasks."""

    def __init__(self, sid):
        self.sid = sid
        self.refs = {}
        self.ref_ids = {}
        # The exit stacks, made at the first generator (most sessions have none).
        self.req_stack = None
        self.fn_stack = None
        self.ngen = 0
        self.nfn = 0
        self.reqinfo = None
        self.request = None
        self.sub = None
        self.bg = None
        self.final_bg = _UNSET
        self.pump = None  # the task streaming the session's response, if any
        self.chain = None  # during a chain: (its first step's number, the results so far)

    def ref(self, o):
        n = self.ref_ids.get(id(o))
        if n is None:
            n = len(self.refs) + 1
            self.refs[n] = o
            self.ref_ids[id(o)] = n
        return {"$t": "ref", "id": n, "s": self.sid, "cls": _cls_name(type(o))}

    def get_request(self):
        if self.request is None:
            self.request = _make_request(self.reqinfo)
        return self.request

    def sub_response(self):
        if self.sub is None:
            # FastAPI's solve_dependencies: Response() without content-length, status None.
            r = _web.Response()
            r.raw_headers[:] = [h for h in r.raw_headers if h[0] != b"content-length"]
            r.status_code = None
            self.sub = r
        return self.sub

    def background_tasks(self):
        if self.bg is None:
            self.bg = _web.BackgroundTasks()
        return self.bg

    def held(self):
        return bool(self.refs or self.ngen or self.request is not None or self.sub is not None
                    or self.bg is not None or self.final_bg is not _UNSET)

    def bg_pending(self):
        b = self.bg if self.final_bg is _UNSET else self.final_bg
        if b is None:
            return False
        tasks = getattr(b, "tasks", None)
        return bool(tasks) if tasks is not None else True

    async def unwind(self, exc, fn_only=False):
        """Exits the generators as FastAPI's request_response does when the request's
        handling ended with exc (None: normally): the function-scope stack first, then,
        unless fn_only, the request-scope one. Returns the exception that comes out (None
        when none does)."""
        if self.nfn:
            stack, self.fn_stack = self.fn_stack, None
            self.ngen -= self.nfn
            self.nfn = 0
            exc = await _exit_stack(stack, exc)
            if exc is _SUPPRESSED:
                # The handler's result was never assigned: FastAPI then fails on it.
                exc = UnboundLocalError(_UNBOUND)
        if fn_only or not self.ngen or self.req_stack is None:
            return exc
        stack, self.req_stack = self.req_stack, None
        self.ngen = 0
        out = await _exit_stack(stack, exc)
        if out is _SUPPRESSED:
            out = _web.FastAPIError(_NOT_AWAITED)
        return out


def _find_handler(exc):
    """The app's exception handler for exc as Starlette's ExceptionMiddleware and then
    ServerErrorMiddleware look it up, or None when there is none or it is one of
    Starlette's or FastAPI's defaults (Go renders those)."""
    handlers = getattr(_app, "exception_handlers", None)
    if not handlers or not isinstance(exc, Exception):
        return None

    def user(h):
        return h is not None and h is not _DEFAULT_HANDLER and \
            not (getattr(h, "__module__", None) or "").startswith("fastapi.")

    if isinstance(exc, _web.starlette_http):
        for k, h in handlers.items():
            if type(k) is int and k != 500 and k == exc.status_code:
                return h if user(h) else None
    table = {c: _DEFAULT_HANDLER for c in _web.defaults}
    for k, h in handlers.items():
        if isinstance(k, type) and k is not Exception:
            table[k] = h
    for cls in type(exc).__mro__:
        if cls in table:
            h = table[cls]
            return h if user(h) else None
    if getattr(_app, "debug", False):
        return None
    err = None
    for k, h in handlers.items():
        if k is Exception or (type(k) is int and k == 500):
            err = h
    return err if user(err) else None


def _error_reply(exc):
    if isinstance(exc, _http_exc_types):
        try:
            return {"k": "H"}, _http_payload(exc)
        except BaseException as e:
            exc = e
    return {"k": "E"}, _exception_payload(exc)


def _http_payload(e):
    detail = json.dumps(e.detail, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    headers = None
    if e.headers is not None:
        headers = [[str(k), str(v)] for k, v in dict(e.headers).items()]
    return _dumps({"status": e.status_code, "detail": detail, "headers": headers})


def _setdefault_header(raw, name, value):
    for k, _ in raw:
        if k == name:
            return
    raw.append((name, value.encode("latin-1")))


_RANGE = re.compile(r"(\d*)-(\d*)")


def _set_header(raw, name, value):
    """MutableHeaders.__setitem__ on a raw header list: the first entry replaced, the
    other ones removed, or appended."""
    found = [i for i, (k, _) in enumerate(raw) if k == name]
    for i in reversed(found[1:]):
        del raw[i]
    if found:
        raw[found[0]] = (name, value.encode("latin-1"))
    else:
        raw.append((name, value.encode("latin-1")))


def _get_header(raw, name):
    for k, v in raw:
        if bytes(k).lower() == name:
            return bytes(v).decode("latin-1")
    return None


class _BadRange(Exception):
    def __init__(self, status, content, headers=None):
        self.status, self.content, self.headers = status, content, headers


def _parse_range(http_range, size):
    """starlette FileResponse._parse_range_header."""
    units, sep, spec = http_range.partition("=")
    if not sep:
        raise _BadRange(400, "Malformed range header.")
    if units.strip().lower() != "bytes":
        raise _BadRange(400, "Only support bytes range")
    ranges = [(int(a) if a else size - int(b), int(b) + 1 if a and b and int(b) < size else size)
              for a, b in _RANGE.findall(spec) if (a, b) != ("", "")]
    if not ranges:
        raise _BadRange(400, "Range header: range must be requested")
    if any(not (0 <= start < size) for start, _ in ranges):
        raise _BadRange(416, None, {"Content-Range": "*/%d" % (size,)})
    if any(start > end for start, end in ranges):
        raise _BadRange(400, "Range header: start must be less than end")
    if len(ranges) == 1:
        return ranges
    merged = []
    for start, end in ranges:
        for i, (ps, pe) in enumerate(merged):
            if start > pe:
                continue
            if end < ps:
                merged.insert(i, (start, end))
                break
            merged[i] = (min(start, ps), max(end, pe))
            break
        else:
            merged.append((start, end))
    return merged


async def _file_body(resp, info):
    """FileResponse as starlette sends it: stat headers (content-length, last-modified,
    etag) when not set yet; the file's bytes, nothing for HEAD; a Range request (honoured
    unless an If-Range does not match) answered 206 with one range or multipart
    byteranges, 400 or 416 when it is malformed or unsatisfiable. Returns the status and
    the body (the headers are updated in place), or raises _BadRange."""
    loop = asyncio.get_running_loop()
    st = getattr(resp, "stat_result", None)
    raw = resp.raw_headers
    if st is None:
        try:
            st = await loop.run_in_executor(None, os.stat, resp.path)
        except FileNotFoundError:
            raise RuntimeError("File at path %s does not exist." % (resp.path,))
        etag_base = str(st.st_mtime) + "-" + str(st.st_size)
        _setdefault_header(raw, b"content-length", str(st.st_size))
        _setdefault_header(raw, b"last-modified", formatdate(st.st_mtime, usegmt=True))
        _setdefault_header(raw, b"etag", '"%s"' % hashlib.md5(etag_base.encode(), usedforsecurity=False).hexdigest())
        if not stat.S_ISREG(st.st_mode):
            raise RuntimeError("File at path %s is not a file." % (resp.path,))
    info = info or {}
    head = (info.get("method") or "GET").upper() == "HEAD"
    req_headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in info.get("headers") or ()]
    http_range = _get_header(req_headers, b"range")
    if_range = _get_header(req_headers, b"if-range")
    if http_range is not None and if_range is not None and \
            if_range not in (_get_header(raw, b"last-modified"), _get_header(raw, b"etag")):
        http_range = None
    size = st.st_size

    def read(ranges):
        with open(resp.path, "rb") as f:
            if ranges is None:
                return f.read()
            out = []
            for start, end in ranges:
                f.seek(start)
                out.append(f.read(end - start))
            return out

    if http_range is None:
        return resp.status_code, b"" if head else await loop.run_in_executor(None, read, None)
    ranges = _parse_range(http_range, size)
    if len(ranges) == 1:
        start, end = ranges[0]
        _set_header(raw, b"content-range", "bytes %d-%d/%d" % (start, end - 1, size))
        _set_header(raw, b"content-length", str(end - start))
        return 206, b"" if head else (await loop.run_in_executor(None, read, ranges))[0]
    boundary = secrets.token_hex(13)
    ctype = _get_header(raw, b"content-type")
    part = "--%s\nContent-Type: %s\nContent-Range: bytes %%d-%%d/%d\n\n" % (boundary, ctype, size)
    static = 44 + len(boundary) + len(ctype) + len(str(size))
    length = sum(len(str(s)) + len(str(e - 1)) + static + (e - s) for s, e in ranges) + 5 + len(boundary)
    _set_header(raw, b"content-range", "multipart/byteranges; boundary=%s" % (boundary,))
    _set_header(raw, b"content-length", str(length))
    if head:
        return 206, b""
    chunks = await loop.run_in_executor(None, read, ranges)
    body = b"".join((part % (s, e - 1)).encode("latin-1") + c + b"\n" for (s, e), c in zip(ranges, chunks))
    return 206, body + ("\n--%s--\n" % (boundary,)).encode("latin-1")


async def _render_response(resp, info, pool):
    """A starlette Response as it would be sent for the request info (the RequestInfo
    dict, or None): status, raw headers, body (a _BodyStream for a StreamingResponse's
    body_iterator, a FileResponse's file read). meta["nobg"] is set when starlette would not
    run the response's background (a FileResponse answering a bad Range with an error)."""
    status = resp.status_code
    if isinstance(resp, _web.files):
        try:
            status, body = await _file_body(resp, info)
        except _BadRange as e:
            meta, body = await _render_response(_web.PlainTextResponse(e.content, status_code=e.status, headers=e.headers), info, pool)
            meta["nobg"] = 1
            return meta, body
    elif hasattr(resp, "body_iterator"):
        # Streamed (see _BodyStream): the reply's frames carry the chunks as they come.
        body = _BodyStream(_body_chunks(resp.body_iterator, getattr(resp, "charset", "utf-8"), pool))
    else:
        body = resp.body
        body = b"" if body is None else bytes(body)
    return {"k": "P", "status": status, "headers": _latin1_headers(resp.raw_headers)}, body


class Server(asyncio.Protocol):
    """The worker's end of the socket: parses call frames as they arrive and runs each
    call as a task; results are written back in completion order."""

    def __init__(self, pool, closed):
        self.pool = pool
        self.closed = closed
        self.buf = bytearray()
        self.tasks = {}  # call id -> the task running the call
        self.transport = None
        self.sessions = {}
        self.flows = {}  # call id -> _Flow of a streamed reply

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
                # No done callback: it would cost the loop one more turn per call;
                # handle() leaves self.tasks itself (drain drops a task cancelled early).
                self.tasks[cid] = loop.create_task(self.handle(cid, payload))
            elif kind == ord("K"):
                flow = self.flows.get(cid)
                if flow is not None:
                    flow.ack()
            elif kind == ord("X"):
                flow = self.flows.get(cid)
                if flow is not None:
                    flow.task.cancel()

    def eof_received(self):
        loop = asyncio.get_running_loop()
        _ws_shutdown(self)
        for flow in list(self.flows.values()):
            flow.task.cancel()  # nobody reads the streams any more
        loop.create_task(self.drain())
        return True  # keep the write side open for the results still to come

    def connection_lost(self, exc):
        if not self.closed.done():
            self.closed.set_result(None)

    async def drain(self):
        while True:
            pending = [t for t in self.tasks.values() if not t.done()]
            if not pending:
                break
            await asyncio.gather(*pending, return_exceptions=True)
        self.transport.close()

    def write(self, cid, kind, out):
        if not self.transport.is_closing():
            self.transport.write(_frame(cid, kind, out))

    async def run(self, fn, args, kw):
        if _is_async(fn):
            return await fn(*args, **kw)
        ctx = contextvars.copy_context()
        return await asyncio.get_running_loop().run_in_executor(
            self.pool, functools.partial(ctx.run, fn, *args, **kw))

    async def handle(self, cid, payload):
        try:
            await self.handle_call(cid, payload)
        finally:
            self.tasks.pop(cid, None)

    async def handle_call(self, cid, payload):
        try:
            req = json.loads(payload)
        except BaseException as e:
            self.write(cid, ord("E"), _exception_payload(e))
            return
        if req.get("sid") is not None:
            await self.handle_session(cid, req)
            return
        try:
            fn = resolve(req["fn"])
            args = decode(req.get("args") or [])
            kw = decode(req.get("kw") or {})
            result = await self.run(fn, args, kw)
            if req.get("mode") == "b":
                kind, out = ord("B"), _render_body(result)
            else:
                kind, out = ord("V"), _dumps(encode(result))
        except _http_exc_types as e:
            try:
                kind, out = ord("H"), _http_payload(e)
            except BaseException as e2:
                kind, out = ord("E"), _exception_payload(e2)
        except BaseException as e:
            kind, out = ord("E"), _exception_payload(e)
        self.write(cid, kind, out)

    async def handle_session(self, cid, req):
        sid = req["sid"]
        op = req.get("op") or "call"
        after = None
        sess = None
        try:
            if op == "exc":
                (meta, data), after = await self.op_exception(req)
            elif op == "fwd":
                (meta, data), after = await self.op_forward(req)
            elif op in _WS_OPS:
                (meta, data), after = await _ws_op(self, req)
            else:
                sess = self.sessions.get(sid)
                if sess is None and op not in ("call", "val", "chain"):
                    meta, data = {"k": "N"}, b""  # nothing held: nothing to do
                else:
                    if sess is None:
                        sess = self.sessions[sid] = Session(sid)
                    if sess.pump is not None and op in ("close", "bg"):
                        # The response was sent (or given up): its stream ends (closes
                        # its iterator) before the background tasks and the exit code.
                        await asyncio.wait([sess.pump])
                        sess.pump = None
                    if op == "call":
                        meta, data = await self.op_call(sess, req)
                    elif op == "chain":
                        meta, data = await self.op_chain(sess, req)
                    elif op == "close":
                        meta, data = await self.op_close(sess, req, fn_only=False)
                    elif op == "exitfn":
                        meta, data = await self.op_close(sess, req, fn_only=True)
                    elif op == "bg":
                        meta, data = await self.op_background(sess)
                    elif op == "val":
                        meta, data = op_validate(sess, req)
                    else:
                        raise ValueError("covetgen bridge: unknown session op %r" % (op,))
                    meta["bg"] = 1 if sess.bg_pending() else 0
                    if op == "close" or not sess.held():
                        self.sessions.pop(sid, None)
                    else:
                        meta["st"] = 1
        except BaseException as e:
            meta, data = {"k": "E"}, _exception_payload(e)
        m = _dumps(meta)
        head = struct.pack(">I", len(m)) + m
        if isinstance(data, _BodyStream):
            await self.stream_reply(cid, head, data, sess)
        else:
            self.write(cid, ord("S"), head + data)
        if after is not None:
            await after()

    async def stream_reply(self, cid, head, body, sess):
        """Sends a streamed reply: 'T' (head), a 'D' frame per chunk, at most
        _STREAM_WINDOW ahead of Go's acks, then 'Z', or 'A' when the iterator raised;
        nothing more when Go cancelled ('X': the pump task is cancelled, and the iterator
        closed as under uvicorn when the client went away)."""
        flow = self.flows[cid] = _Flow()

        async def pump():
            try:
                async for chunk in body.chunks:
                    if not chunk:
                        continue  # uvicorn writes nothing for an empty body message
                    await flow.take()
                    self.write(cid, ord("D"), bytes(chunk))
            finally:
                await body.chunks.aclose()

        self.write(cid, ord("T"), head)
        task = flow.task = asyncio.get_running_loop().create_task(pump())
        if sess is not None:
            sess.pump = task
        try:
            await asyncio.wait([task])
        finally:
            self.flows.pop(cid, None)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            self.write(cid, ord("Z"), b"")
        else:
            self.write(cid, ord("A"), _exception_payload(exc))

    def call_args(self, sess, req):
        """The function of a session call and its arguments (the session's Request,
        sub-Response and BackgroundTasks included)."""
        if req.get("req") is not None and sess.request is None:
            sess.reqinfo = req["req"]
        fn = resolve(req["fn"])
        if req.get("init") is not None:
            fn = _instance(req["fn"], fn, req["init"])
        args = decode(req.get("args") or [], sess)
        kw = decode(req.get("kw") or {}, sess)
        for name in req.get("rq") or ():
            kw[name] = sess.get_request()
        for name in req.get("rs") or ():
            kw[name] = sess.sub_response()
        for name in req.get("bt") or ():
            kw[name] = sess.background_tasks()
        return fn, args, kw

    async def op_chain(self, sess, req):
        """Runs the steps of a chain in order, each as op_call runs a call, the results of
        all but the last kept for the later steps' "step" arguments; the reply is the
        last step's, or that of the step that raised (the later ones do not run)."""
        steps = req["steps"]
        results = []
        sess.chain = (req["base"], results)
        try:
            for step in steps[:-1]:
                try:
                    fn, args, kw = self.call_args(sess, step)
                    if step.get("gen"):
                        value = await self.enter_generator(sess, fn, args, kw, bool(step.get("fscope")))
                    else:
                        value = await self.run(fn, args, kw)
                except BaseException as e:
                    return await self.fail(sess, await sess.unwind(e), handle=True)
                results.append(value)
            return await self.op_call(sess, steps[-1])
        finally:
            sess.chain = None

    async def op_call(self, sess, req):
        body_mode = req.get("mode") == "b"
        try:
            fn, args, kw = self.call_args(sess, req)
            if req.get("gen"):
                value = await self.enter_generator(sess, fn, args, kw, bool(req.get("fscope")))
                meta, data = {"k": "V"}, _dumps(encode(value, sess))
            elif req.get("rcls") is not None:
                meta, data = await _class_response(self, sess, fn, req, args, kw)
            else:
                result = await self.run(fn, args, kw)
                if isinstance(result, _web.responses):
                    meta, data = await _render_response(result, sess.reqinfo, self.pool)
                    if not body_mode:
                        meta["v"] = sess.ref(result)
                    # FastAPI: a returned Response keeps its own background, else gets the
                    # request's BackgroundTasks.
                    sess.final_bg = _UNSET if result.background is None else result.background
                    if meta.pop("nobg", None):
                        sess.final_bg = None
                elif req.get("resp") is not None:
                    sess.final_bg = _UNSET
                    meta, data = {"k": "B"}, _serialize_response(fn, req["fn"], req["resp"], result, sess)
                elif body_mode:
                    sess.final_bg = _UNSET
                    meta, data = {"k": "B"}, _render_body(result)
                else:
                    sess.final_bg = _UNSET
                    meta, data = {"k": "V"}, _dumps(encode(result, sess))
        except BaseException as e:
            meta, data = await self.fail(sess, await sess.unwind(e), handle=True)
        if req.get("rs") and sess.sub is not None:
            meta["ss"] = sess.sub.status_code or 0
            meta["sh"] = _latin1_headers(sess.sub.raw_headers)
        return meta, data

    async def enter_generator(self, sess, fn, args, kw, fscope):
        """Enters a yield dependency as FastAPI's _solve_generator does."""
        call = fn
        if inspect.isasyncgenfunction(call) or inspect.isasyncgenfunction(getattr(call, "__call__", None)):
            cm = contextlib.asynccontextmanager(fn)(*args, **kw)
        else:
            cm = _ThreadCM(contextlib.contextmanager(fn)(*args, **kw), self.pool)
        if fscope:
            if sess.fn_stack is None:
                sess.fn_stack = contextlib.AsyncExitStack()
            stack = sess.fn_stack
        else:
            if sess.req_stack is None:
                sess.req_stack = contextlib.AsyncExitStack()
            stack = sess.req_stack
        value = await stack.enter_async_context(cm)
        sess.ngen += 1
        if fscope:
            sess.nfn += 1
        return value

    async def fail(self, sess, exc, handle):
        """The reply for the exception the request's handling ends with: the response of
        the app's handler for it (when handle: the response was not sent yet), else the
        error."""
        if handle:
            h = _find_handler(exc)
            if h is not None:
                request = sess.get_request() if sess is not None else _make_request(None)
                try:
                    if _is_async(h):
                        resp = await h(request, exc)
                    else:
                        resp = await self.run(h, (request, exc), {})
                    if resp is None:
                        raise RuntimeError("covetgen bridge: exception handler %s returned None" % (_cls_name(h),))
                    meta, data = await _render_response(resp, sess.reqinfo if sess is not None else None, self.pool)
                except BaseException as e:
                    return _error_reply(e)
                if sess is not None:
                    sess.bg, sess.final_bg = None, None if meta.pop("nobg", None) else resp.background
                meta["h"] = 1  # an exception handler's response, not a returned one
                return meta, data
        return _error_reply(exc)

    async def op_close(self, sess, req, fn_only):
        raised = _raised(req.get("raised"))
        out = await sess.unwind(raised, fn_only=fn_only)
        if fn_only and out is not None:
            # The request ends with this exception: the request-scope generators see it now.
            out = await sess.unwind(out)
        if out is None or out is raised:
            return {"k": "N"}, b""
        return await self.fail(sess, out, handle=raised is not None or fn_only)

    async def op_background(self, sess):
        b = sess.bg if sess.final_bg is _UNSET else sess.final_bg
        sess.bg, sess.final_bg = None, None
        if b is None:
            return {"k": "N"}, b""
        try:
            await b()
        except BaseException as e:
            return await self.fail(sess, await sess.unwind(e), handle=False)
        return {"k": "N"}, b""

    async def op_forward(self, req):
        """A forwarded request: the app's own route handles all of it (parameters,
        dependencies, endpoint, response) with its app's exception handlers, as under
        FastAPI. The reply is the response, sent once its last body message is; the
        route's background tasks then run (after)."""
        request = _make_request(req.get("req"))
        scope = request.scope
        app, route = _forward_target(_app, scope, req["route"])
        handlers, status = {}, {}
        for k, v in (getattr(app, "exception_handlers", None) or {}).items():
            (status if isinstance(k, int) else handlers)[k] = v
        scope["starlette.exception_handlers"] = (handlers, status)
        loop = asyncio.get_running_loop()
        done = loop.create_future()  # None: the whole body came; "stream": it streams
        start, chunks, feed = {}, [], _Feed()

        async def send(message):
            t = message["type"]
            if t == "http.response.start":
                start["status"] = message["status"]
                start["headers"] = list(message.get("headers") or ())
            elif t == "http.response.body":
                body, more = bytes(message.get("body", b"")), message.get("more_body", False)
                if not done.done() and not more:
                    chunks.append(body)
                    done.set_result(None)
                    return
                if not done.done():
                    done.set_result("stream")
                    if chunks:
                        body = b"".join(chunks) + body
                await feed.put(body)
                if not more:
                    await feed.put(_END)

        async def run():
            try:
                async with contextlib.AsyncExitStack() as stack:
                    scope["fastapi_middleware_astack"] = stack
                    await route.handle(scope, request.receive, send)
            except BaseException as e:
                if done.done() and done.result() == "stream" and not feed.gone:
                    await feed.put(e)  # the streamed body aborts with it
                    return
                raise
            if done.done() and done.result() == "stream":
                await feed.put(_END)  # a route that stopped without more_body=False

        task = feed.task = loop.create_task(run())
        await asyncio.wait([task, done], return_when=asyncio.FIRST_COMPLETED)
        if not done.done():
            exc = task.exception() if not task.cancelled() else None
            if exc is None:
                exc = RuntimeError("covetgen bridge: the forwarded route sent no complete response")
            return (await self.fail(None, exc, handle=True)), None
        meta = {"k": "P", "status": start["status"], "headers": _latin1_headers(start["headers"])}

        async def after():
            try:
                await task
            except BaseException:
                if not feed.gone:
                    traceback.print_exc()
            await feed.collect_abandoned()

        if done.result() == "stream":
            return (meta, _BodyStream(feed.chunks())), after
        return (meta, b"".join(chunks)), after

    async def op_exception(self, req):
        """Pool.HandleException: the app's handler called with a Request and the exception
        Go describes; its response's background runs after the reply."""
        request = _make_request(req.get("req"))
        exc = _raised(req.get("exc"))
        h = resolve(req["fn"])
        if _is_async(h):
            resp = await h(request, exc)
        else:
            resp = await self.run(h, (request, exc), {})
        meta, data = await _render_response(resp, req.get("req"), self.pool)
        bg = None if meta.pop("nobg", None) else getattr(resp, "background", None)

        async def after():
            if bg is not None:
                try:
                    await bg()
                except BaseException:
                    traceback.print_exc()

        return (meta, data), after


# ---------------------------------------------------------------------------
# Websocket sessions (runtime/bridge/websocket.go). Go serves the connection as uvicorn
# does (the HTTP upgrade, frames, close handshake) and the app's endpoint runs here on a
# starlette WebSocket (or covetgen_compat's stand-in) whose receive and send are the
# session's two queues. Ops, all with "sid" (the connection's session id):
#   "wsopen"  {"fn", "args", "kw", "ws": [names], "req": RequestInfo}: start the endpoint
#             with the WebSocket in the named parameters; reply N.
#   "wsnext"  reply, once there is one, the next ASGI message the app sent: {"k": "W",
#             "m": message} (bytes fields base64), or {"k": "W", "m": {"type": "end"}} when
#             the endpoint returned, or its error ("E"/"H") when it raised and no exception
#             handler took it.
#   "wspush"  {"m": message}: a client's message (websocket.receive, websocket.disconnect);
#             reply N.
#   "wsclose" the connection is over for Go: the endpoint is cancelled if it still runs.

_WS_OPS = frozenset({"wsopen", "wsnext", "wspush", "wsclose"})


class _WSClientDisconnected(OSError):
    """uvicorn's ClientDisconnected: send() after the client left (an OSError, which
    Starlette's WebSocket.send turns into WebSocketDisconnect(1006))."""


def _ws_scope(info, fn):
    """The ASGI websocket scope uvicorn and Starlette's routing build for the request Go
    upgraded: the HTTP scope of the same request, retyped."""
    scope = dict(_make_request(info).scope)
    scope.pop("method", None)
    scope["type"] = "websocket"
    scope["subprotocols"] = [p.strip() for k, v in scope["headers"] if k == b"sec-websocket-protocol"
                             for p in v.decode("latin-1").split(",")]
    scope["extensions"] = {"websocket.http.response": {}}
    scope["endpoint"] = fn
    return scope


def _ws_wire(message):
    """An ASGI message the app sent, as JSON for Go (bytes in base64)."""
    out = {}
    for k, v in message.items():
        if isinstance(v, (bytes, bytearray, memoryview)):
            out[k] = {"$b": base64.b64encode(bytes(v)).decode("ascii")}
        elif k == "headers":
            out[k] = _latin1_headers(v)
        else:
            out[k] = v
    return out


class _WSConn:
    """One websocket connection: the app's ASGI receive/send over two queues, with the
    message checks uvicorn applies, and the endpoint's task."""

    def __init__(self, sid):
        self.sid = sid
        self.inbox = asyncio.Queue()
        self.inbox.put_nowait({"type": "websocket.connect"})
        self.outbox = asyncio.Queue()
        self.disconnect = None  # the disconnect message, once the app received it
        self.gone = False       # the client left (a disconnect was pushed)
        self.state = "start"    # start, open, response, closed
        self.task = None
        self.error = None

    async def receive(self):
        if self.disconnect is not None:
            return dict(self.disconnect)
        m = await self.inbox.get()
        if m["type"] == "websocket.disconnect":
            self.disconnect = m
        return m

    async def send(self, message):
        t = message["type"]
        if self.state == "start":
            if t == "websocket.accept":
                self.state = "open"
            elif t == "websocket.close":
                self.state = "closed"
            elif t == "websocket.http.response.start":
                self.state = "response"
            else:
                raise RuntimeError("Expected ASGI message 'websocket.accept', 'websocket.close', "
                                   "or 'websocket.http.response.start' but got '%s'." % t)
        elif self.state == "open":
            if self.gone:
                raise _WSClientDisconnected()
            if t == "websocket.close":
                self.state = "closed"
            elif t != "websocket.send":
                raise RuntimeError("Expected ASGI message 'websocket.send' or 'websocket.close', "
                                   "but got '%s'." % t)
        elif self.state == "response" and t == "websocket.http.response.body":
            if not message.get("more_body", False):
                self.state = "closed"
        else:
            raise RuntimeError("Unexpected ASGI message '%s', after sending 'websocket.close' "
                               "or response already completed." % t)
        self.outbox.put_nowait(_ws_wire(message))

    async def run(self, server, fn, args, kw, websocket):
        """Runs the endpoint as Starlette's websocket_session and ExceptionMiddleware do."""
        try:
            try:
                await server.run(fn, args, kw)
            except Exception as exc:
                h = _ws_find_handler(exc)
                if h is None:
                    raise
                if _is_async(h):
                    resp = await h(websocket, exc)
                else:
                    resp = await server.run(h, (websocket, exc), {})
                if resp is not None:
                    await resp(websocket.scope, self.receive, self.send)
        except BaseException as e:
            if not isinstance(e, asyncio.CancelledError):
                self.error = e
                traceback.print_exc()
        finally:
            self.outbox.put_nowait(None)


def _ws_find_handler(exc):
    """The handler Starlette's ExceptionMiddleware runs for exc raised by a websocket
    endpoint: a status-code handler for an HTTPException, else the app's handlers by the
    exception's MRO (FastAPI's defaults included; 500 and Exception belong to
    ServerErrorMiddleware, which lets websockets through), else Starlette's
    WebSocketException default (close with its code and reason); None: it propagates."""
    handlers = getattr(_app, "exception_handlers", None) or {}
    if isinstance(exc, _web.starlette_http):
        h = handlers.get(exc.status_code)
        if h is not None and exc.status_code != 500:
            return h
    table = {}
    for k, h in handlers.items():
        if isinstance(k, type) and k is not Exception:
            table[k] = h
    for cls in type(exc).__mro__:
        if cls in table:
            return table[cls]
        if cls.__name__ == "WebSocketException" and cls.__module__ == "starlette.exceptions":
            async def close(websocket, e):
                await websocket.close(code=e.code, reason=e.reason)
            return close
    return None


async def _ws_op(server, req):
    conns = server.__dict__.setdefault("ws_conns", {})
    sid, op = req["sid"], req["op"]
    if op == "wsopen":
        fn = resolve(req["fn"])
        args = decode(req.get("args") or [])
        kw = decode(req.get("kw") or {})
        conn = conns[sid] = _WSConn(sid)
        websocket = importlib.import_module("fastapi").WebSocket(
            _ws_scope(req.get("req"), fn), receive=conn.receive, send=conn.send)
        for name in req.get("ws") or ():
            kw[name] = websocket
        conn.task = asyncio.get_running_loop().create_task(conn.run(server, fn, args, kw, websocket))
        return ({"k": "N"}, b""), None
    conn = conns.get(sid)
    if conn is None:
        if op == "wsnext":
            return ({"k": "W", "m": {"type": "end"}}, b""), None
        return ({"k": "N"}, b""), None
    if op == "wspush":
        m = dict(req["m"])
        if "bytes" in m:
            m["bytes"] = base64.b64decode(m["bytes"])
        if m["type"] == "websocket.disconnect":
            conn.gone = True
        conn.inbox.put_nowait(m)
        return ({"k": "N"}, b""), None
    if op == "wsnext":
        m = await conn.outbox.get()
        if m is not None:
            return ({"k": "W", "m": m}, b""), None
        conn.outbox.put_nowait(None)  # the end stays the answer
        if conn.error is not None:
            return _error_reply(conn.error), None
        return ({"k": "W", "m": {"type": "end"}}, b""), None
    conns.pop(sid, None)  # wsclose
    if conn.task is not None and not conn.task.done():
        conn.task.cancel()
    return ({"k": "N"}, b""), None


def _ws_shutdown(server):
    """The worker's input ended (the service shuts down): the connections still open see
    the client leave with 1012 (service restart), as uvicorn's shutdown closes them."""
    for conn in list((server.__dict__.get("ws_conns") or {}).values()):
        if not conn.gone:
            conn.gone = True
            conn.inbox.put_nowait({"type": "websocket.disconnect", "code": 1012, "reason": ""})


def _forward_target(app, scope, spec):
    """The route spec names (request forwarding) and the FastAPI app it belongs to,
    following the mounts as Starlette's router would, scope updated as the matching
    routes update it (root_path, path_params, app)."""
    from starlette.routing import Mount

    mounts = list(spec.get("mounts") or ())
    methods = set(spec.get("methods") or ())
    while mounts:
        prefix = mounts.pop(0)
        for r in app.router.routes:
            if isinstance(r, Mount) and r.path == prefix.rstrip("/"):
                _, child = r.matches(scope)
                scope.update(child)
                app = r.app
                scope["app"] = app
                break
        else:
            raise LookupError("covetgen bridge: no mount %r in the app" % (prefix,))
    def named(r):
        rm = set(getattr(r, "methods", None) or ())
        return getattr(r, "path", None) == spec["path"] and getattr(r, "name", None) == spec.get("name") \
            and methods <= rm and rm - methods <= {"HEAD"}

    for r in app.router.routes:
        # FastAPI 0.141 keeps an included router as one entry, which handles the request
        # by matching its own routes (the named one is among them).
        if named(r) or (getattr(r, "path", None) is None and any(named(c) for c in _route_table_of([r]))):
            _, child = r.matches(scope)
            scope.update(child)
            return app, r
    raise LookupError("covetgen bridge: no route %s %s in the app" % (sorted(methods), spec["path"]))


# ---------------------------------------------------------------------------
# Response classes and streaming endpoints (a session "call" with "rcls"): the last step
# of FastAPI 0.141's get_request_handler done here, so the route's own response class
# (an app-defined one too) renders the response. "rcls" is {"cls": "module:qualname" of
# the route's response class, "st": status_code= (absent: None), "stream": "" (a plain
# endpoint), "jsonl" (a generator endpoint with the default response class: JSON Lines),
# "sse" (a generator endpoint with an EventSourceResponse class) or "raw" (a generator
# endpoint with another class: the class streams what it yields), "f": the response
# field options (the "resp" object; absent: no response model)}. The reply is "P", the
# response rendered; a stream goes out chunk by chunk as the generator yields (see
# "Streamed replies" below), server-sent events with FastAPI's keep-alive comments.


def _response_args(sess, status):
    """FastAPI's _build_response_args: the request's BackgroundTasks, and status_code=
    of the route unless the sub-Response's status was set (then that)."""
    args = {"background": sess.bg}
    sub_status = sess.sub.status_code if sess.sub is not None else None
    current = status if status else sub_status
    if current is not None:
        args["status_code"] = current
    if sub_status:
        args["status_code"] = sub_status
    return args


def _merge_sub_headers(sess, resp):
    """response.headers.raw.extend(sub-Response headers), as FastAPI ends every response
    it builds."""
    if sess.sub is not None:
        resp.raw_headers.extend(sess.sub.raw_headers)


def _stream_dump_kw(spec, sess):
    spec = spec or {}
    return {"include": decode(spec.get("inc"), sess), "exclude": decode(spec.get("exc"), sess),
            "by_alias": bool(spec.get("alias")), "exclude_unset": bool(spec.get("unset")),
            "exclude_defaults": bool(spec.get("defaults")), "exclude_none": bool(spec.get("none"))}


def _validate_field(ta, value):
    """ModelField.validate with loc ("response",): ResponseValidationError on failure."""
    from pydantic import ValidationError
    try:
        return ta.validate_python(value, from_attributes=True)
    except ValidationError as e:
        errs = [{**err, "loc": ("response",) + tuple(err.get("loc", ()))} for err in e.errors(include_url=False)]
        raise _web.ResponseValidationError(errs, body=value)


def _stream_item_type(fn):
    """The stream item type FastAPI reads from a generator endpoint's return annotation
    (get_stream_item_type: the argument of an (Async)Iterable/Iterator/Generator, Any
    without one), None for another annotation or a ServerSentEvent item."""
    import collections.abc as cabc
    import typing
    ann = inspect.signature(fn, eval_str=True).return_annotation
    if ann is inspect.Signature.empty:
        return None
    origins = (cabc.AsyncIterable, cabc.AsyncIterator, cabc.AsyncGenerator, cabc.Iterable, cabc.Iterator,
               cabc.Generator)
    if typing.get_origin(ann) not in origins:
        return None
    targs = typing.get_args(ann)
    item = targs[0] if targs else typing.Any
    sse = importlib.import_module("fastapi.sse").ServerSentEvent
    if inspect.isclass(item) and issubclass(item, sse):
        return None
    return item


def _stream_serializer(fn, name, spec, sess):
    """FastAPI's _serialize_data for a stream's items: validated and dump_json'ed with
    the stream item field when the annotation gives one, else jsonable_encoder and
    json.dumps with its defaults."""
    item = _stream_item_type(fn)
    if item is None:
        return lambda data: json.dumps(_jsonable_encoder(data)).encode("utf-8")
    ta = _type_adapter(("s", name), lambda: item)
    kw = _stream_dump_kw(spec, sess)
    return lambda data: ta.dump_json(_validate_field(ta, data), **kw)


def _sse_encoder(plain):
    """FastAPI's _serialize_sse_item: a ServerSentEvent as its fields say (data through
    model_dump_json or json.dumps(jsonable_encoder), raw_data as is), anything else as the
    data field of an event."""
    sse = importlib.import_module("fastapi.sse")

    def encode_item(item):
        if isinstance(item, sse.ServerSentEvent):
            if item.raw_data is not None:
                data = item.raw_data
            elif item.data is not None:
                if hasattr(item.data, "model_dump_json"):
                    data = item.data.model_dump_json()
                else:
                    data = json.dumps(_jsonable_encoder(item.data))
            else:
                data = None
            return sse.format_sse_event(data_str=data, event=item.event, id=item.id, retry=item.retry,
                                        comment=item.comment)
        return sse.format_sse_event(data_str=plain(item).decode("utf-8"))

    return encode_item


async def _item_chunks(gen, pool, encode_item):
    """A generator endpoint's items, each encoded as it is yielded (an async generator on
    the loop, a sync one in the thread pool, as iterate_in_threadpool does); closing this
    closes the endpoint's generator."""
    src = gen if hasattr(gen, "__aiter__") else _iterate_sync(gen, pool)
    try:
        async for x in src:
            yield encode_item(x)
    finally:
        close = getattr(src, "aclose", None)
        if close is not None:
            await close()


async def _sse_keepalive(chunks):
    """FastAPI's SSE keep-alive: the encoded events, with its keep-alive comment (": ping")
    sent each time the generator has produced nothing for fastapi.sse._PING_INTERVAL
    seconds (15). A producer task pulls the events, so the timer never cancels the
    generator; closing this cancels the producer and closes the generator."""
    sse = importlib.import_module("fastapi.sse")
    interval = getattr(sse, "_PING_INTERVAL", 15.0)
    comment = getattr(sse, "KEEPALIVE_COMMENT", b": ping\n\n")
    q = asyncio.Queue(1)

    async def produce():
        try:
            async for c in chunks:
                await q.put(c)
            await q.put(_END)
        except asyncio.CancelledError:
            raise
        except BaseException as e:
            await q.put(e)

    task = asyncio.get_running_loop().create_task(produce())
    try:
        while True:
            try:
                item = await asyncio.wait_for(q.get(), interval)
            except asyncio.TimeoutError:
                yield comment
                continue
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        task.cancel()
        await asyncio.wait([task])
        await chunks.aclose()


# Streamed replies (runtime/bridge/streambody.go): a response whose body is an iterator
# goes to Go as frames of the call's id: 'T' (the session reply's head), a 'D' frame per
# chunk as the iterator yields it, then 'Z', or 'A' (an exception payload) when it
# raised after the response started. At most _STREAM_WINDOW chunks are sent ahead of
# Go's acks ('K', one per chunk Go wrote to its client): a slow client makes the pump
# wait, not buffer. 'X' (the client went away, or Go gave up) cancels the pump task and
# the iterator is closed (aclose / close: its finally blocks run).

_STREAM_WINDOW = 8
_END = object()


class _BodyStream:
    """A response body the reply streams: chunks, an async generator of bytes."""

    def __init__(self, chunks):
        self.chunks = chunks


class _Flow:
    """A streamed reply's credit: the chunks it may send before Go's next ack."""

    def __init__(self):
        self.credit = _STREAM_WINDOW
        self.wake = asyncio.Event()
        self.task = None

    def ack(self):
        self.credit += 1
        self.wake.set()

    async def take(self):
        while self.credit <= 0:
            self.wake.clear()
            await self.wake.wait()
        self.credit -= 1


async def _body_chunks(it, charset, pool):
    """A StreamingResponse's body_iterator as bytes chunks, as starlette sends them (str
    encoded with the response's charset; a sync iterator advanced in the thread pool);
    closing this closes the iterator."""
    sync = _threadpool_source(it)
    if sync is not None:
        it = sync
    src = it if hasattr(it, "__aiter__") else _iterate_sync(it, pool)
    try:
        async for c in src:
            yield c if isinstance(c, (bytes, memoryview)) else c.encode(charset)
    finally:
        close = getattr(src, "aclose", None)
        if close is not None:
            await close()


def _threadpool_source(it):
    """The sync iterable a StreamingResponse wrapped in iterate_in_threadpool (starlette's
    or the stand-in's), not started yet; None for another body iterator. Iterated with
    _iterate_sync instead, so that a cancelled stream closes it at once (the wrapper
    does not: a generator would only be closed when garbage collected)."""
    code = getattr(it, "ag_code", None)
    frame = getattr(it, "ag_frame", None)
    if code is None or frame is None or code.co_name != "iterate_in_threadpool" or it.ag_running:
        return None
    local = frame.f_locals
    if set(local) != {"iterator"}:
        return None  # already started
    return iter(local["iterator"])


async def _settled(cf):
    """Waits for a concurrent future to finish, whatever its outcome."""
    if not cf.done():
        loop = asyncio.get_running_loop()
        ev = asyncio.Event()
        cf.add_done_callback(lambda _: loop.call_soon_threadsafe(ev.set))
        await ev.wait()


async def _iterate_sync(it, pool):
    """A sync iterator advanced one item at a time in the thread pool (starlette's
    iterate_in_threadpool); closing this waits for a next() under way, then closes the
    iterator (a generator's finally blocks run) in the pool."""
    end = object()
    pending = None
    try:
        while True:
            pending = pool.submit(contextvars.copy_context().run, next, it, end)
            x = await asyncio.wrap_future(pending)
            pending = None
            if x is end:
                return
            yield x
    finally:
        if pending is not None:
            await _settled(pending)
        close = getattr(it, "close", None)
        if close is not None:
            done = pool.submit(contextvars.copy_context().run, close)
            await _settled(done)
            done.result()


class _Feed:
    """The body messages a forwarded route sends, handed to its streamed reply one at a
    time: send() waits until the pump took the previous chunk. Once the reply's stream
    ends (cancelled: the client went away) send() raises OSError, as uvicorn's does."""

    def __init__(self):
        self.q = asyncio.Queue(1)
        self.gone = False  # the stream was cancelled: the client went away
        self.task = None  # the route's task

    async def put(self, item):
        if self.gone:
            raise OSError("covetgen bridge: the client disconnected")
        await self.q.put(item)

    async def chunks(self):
        ended = False
        try:
            while True:
                item = await self.q.get()
                if item is _END:
                    ended = True
                    return
                if isinstance(item, BaseException):
                    ended = True
                    raise item
                yield item
        finally:
            if not ended:
                self.gone = True
                while not self.q.empty():
                    self.q.get_nowait()  # a send() waiting to put goes on, then raises
                if self.task is not None:
                    # The route may be waiting in its body iterator (an idle generator):
                    # cancelled there, the generator's finally blocks run now.
                    self.task.cancel()

    async def collect_abandoned(self):
        """After a cancelled stream: the body iterator the route abandoned in its send()
        is suspended, unreachable; collecting it now makes the loop's async generator
        finalizer close it (finally blocks run), as CPython would at some later point."""
        if self.gone:
            gc.collect()
            await asyncio.sleep(0)


async def _collected(reply):
    """A (meta, data) reply with a streamed body read whole (the case tables)."""
    meta, data = reply
    if isinstance(data, _BodyStream):
        data = b"".join([bytes(c) async for c in data.chunks])
    return meta, data


def _body_allowed(status):
    return status is None or not (status < 200 or status in (204, 205, 304))


async def _class_response(server, sess, fn, req, args, kw):
    """The endpoint called and its response built as FastAPI builds it for the route's
    response class (see the region's comment); the reply meta and body."""
    spec = req["rcls"]
    cls = resolve(spec["cls"])
    stream = spec.get("stream") or ""
    sess.final_bg = _UNSET
    if stream:
        gen = fn(*args, **kw)
        # FastAPI builds the response (status, the sub-Response's headers) before the
        # generator runs: what its body sets on the sub-Response is not sent.
        rargs = _response_args(sess, spec.get("st"))
        sub_headers = list(sess.sub.raw_headers) if sess.sub is not None else []
        if stream == "raw":
            resp = cls(content=gen, **rargs)
        else:
            plain = _stream_serializer(fn, req["fn"], spec.get("f"), sess)
            if stream == "sse":
                chunks = _sse_keepalive(_item_chunks(gen, server.pool, _sse_encoder(plain)))
                media = "text/event-stream"
            else:
                chunks = _item_chunks(gen, server.pool, lambda x: plain(x) + b"\n")
                media = "application/jsonl"
            streaming = importlib.import_module("fastapi.responses").StreamingResponse
            resp = streaming(chunks, media_type=media, **rargs)
            if stream == "sse":
                resp.headers["Cache-Control"] = "no-cache"
                resp.headers["X-Accel-Buffering"] = "no"
        resp.raw_headers.extend(sub_headers)
        return await _render_response(resp, sess.reqinfo, server.pool)
    result = await server.run(fn, args, kw)
    if isinstance(result, _web.responses):
        # A returned Response bypasses the class; it keeps its own background, else gets
        # the request's BackgroundTasks.
        meta, data = await _render_response(result, sess.reqinfo, server.pool)
        sess.final_bg = _UNSET if result.background is None else result.background
        if meta.pop("nobg", None):
            sess.final_bg = None
        return meta, data
    fspec = spec.get("f")
    rargs = _response_args(sess, spec.get("st"))
    if fspec is not None:
        ta = _type_adapter(("r", req["fn"], fspec.get("mod"), fspec.get("model")), lambda: _response_type(fn, fspec))
        value = _validate_field(ta, result)
        kw_dump = _stream_dump_kw(fspec, sess)
        if fspec.get("dj"):
            # The default response class with a response model: pydantic's JSON bytes in
            # a plain Response, whatever the default class is.
            resp = _web.Response(content=ta.dump_json(value, **kw_dump), media_type="application/json", **rargs)
        else:
            resp = cls(ta.dump_python(value, mode="json", **kw_dump), **rargs)
    else:
        resp = cls(_jsonable_encoder(result), **rargs)
    if not _body_allowed(resp.status_code):
        resp.body = b""
    _merge_sub_headers(sess, resp)
    return await _render_response(resp, sess.reqinfo, server.pool)



async def _main_async(sock, threads, ready):
    """Runs the app's lifespan (its lifespan function, or its startup and shutdown
    handlers) around serving, as uvicorn does in each worker process: a failing startup
    is fatal (the traceback goes to Go), a failing shutdown is printed."""
    global _lifespan_state
    loop = asyncio.get_running_loop()
    pool = _ThreadPool(threads)
    life = None
    try:
        life = _lifespan(_app)
        if life is not None:
            state = await life.__aenter__()
            if state is not None:
                _lifespan_state = dict(state)
    except BaseException as e:
        sock.sendall(_frame(0, ord("F"), _dumps({"tb": "".join(
            traceback.format_exception(type(e), e, e.__traceback__))})))
        sock.close()
        sys.exit(3)
    sock.sendall(ready)
    closed = loop.create_future()
    await loop.connect_accepted_socket(lambda: Server(pool, closed), sock=sock)
    await closed
    if life is not None:
        try:
            await life.__aexit__(None, None, None)
        except BaseException:
            traceback.print_exc()
    pool.shutdown(wait=True)


def _lifespan(app):
    """The app's lifespan context (Starlette's router.lifespan_context: the lifespan
    function, or the startup/shutdown handlers), or None for an app that has neither."""
    router = getattr(app, "router", None)
    ctx = getattr(router, "lifespan_context", None)
    if ctx is None:
        return None
    if not getattr(router, "on_startup", None) and not getattr(router, "on_shutdown", None) \
            and type(ctx).__name__ == "_DefaultLifespan":
        return None
    return ctx(app)


def main():
    global _app_module, _http_exc_types, _jsonable_encoder, _BaseModel, _app, _web, _url_types
    p = argparse.ArgumentParser()
    p.add_argument("--root", required=True)
    p.add_argument("--app", required=True)
    p.add_argument("--fd", type=int, default=3)
    p.add_argument("--threads", type=int, default=40)
    p.add_argument("--need-fastapi", action="store_true")
    a = p.parse_args()
    sock = socket.socket(fileno=a.fd)
    sock.setblocking(True)
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        sys.path.insert(0, os.path.abspath(a.root))
        sys.path.insert(1, here)
        import covetgen_compat
        compat = covetgen_compat.install()
        if compat and a.need_fastapi:
            raise RuntimeError(
                "covetgen: this service forwards some requests to the app's own FastAPI routes "
                "(routes it could serve neither natively nor through handler calls), which needs "
                "FastAPI importable by %s; install fastapi there, or point --python at a Python "
                "that has it" % (sys.executable,))
        sys.path.remove(here)
        from pydantic import BaseModel
        _BaseModel = BaseModel
        _url_types = _pydantic_url_types()
        types = []
        for mod in ("starlette.exceptions", "fastapi"):
            try:
                types.append(importlib.import_module(mod).HTTPException)
            except ImportError:
                pass
        compat_exc = getattr(covetgen_compat, "StarletteHTTPException", None)
        if compat_exc is not None:
            types.append(compat_exc)
        _http_exc_types = tuple(types)
        import fastapi.encoders
        _jsonable_encoder = fastapi.encoders.jsonable_encoder
        modname, _, attr = a.app.partition(":")
        _app_module = modname
        mod = importlib.import_module(modname)
        if attr:
            _app = resolve(a.app)
        _web = _Web()
    except BaseException as e:
        sock.sendall(_frame(0, ord("F"), _dumps({"tb": "".join(
            traceback.format_exception(type(e), e, e.__traceback__))})))
        sock.close()
        sys.exit(3)
    ready = _frame(0, ord("R"), _dumps({"pid": os.getpid(), "python": sys.version,
                                        "fastapi": "compat" if compat else "real"}))
    try:
        # uvloop's event loop when it is installed, as uvicorn's default (--loop auto)
        # runs the app: the app's async code sees the loop it has under uvicorn, and a
        # call costs the worker less.
        import uvloop
        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    except ImportError:
        pass
    asyncio.run(_main_async(sock, a.threads, ready))


if __name__ == "__main__":
    main()
