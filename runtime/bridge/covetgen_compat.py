"""covetgen bridge: stand-ins for fastapi/starlette when they are not installed.

Generated Go services do the routing, validation and serialization; the app's module is
only imported so that handler bodies can run. Where FastAPI is absent (CI and the bridge
workers run python3 with pydantic 2 and no fastapi/starlette), install() serves the names
apps import from fastapi, fastapi.*, and starlette.* from this one file. Nothing is
installed when the real fastapi package can be found.

What a handler body touches behaves as Starlette 0.47.3 / FastAPI 0.141.1 do. The case
table runtime/bridge/testdata/compat/cases.py is recorded from the real stack by
tools/goldens/record_compat.py (golden.json) and compat_test.go requires this module to
give the same values, exceptions and warnings, case by case:

  - responses: Response, JSONResponse, HTMLResponse, PlainTextResponse, RedirectResponse,
    StreamingResponse, FileResponse, fastapi.sse.EventSourceResponse, ORJSONResponse
    (exact when orjson is importable, as in FastAPI), UJSONResponse (asserts ujson is
    installed, as FastAPI does): body rendering, raw_headers in Starlette's order, the
    MutableHeaders view, set_cookie/delete_cookie, background, FileResponse's stat and
    Range handling, and the ASGI __call__(scope, receive, send);
  - Request(scope, receive) / HTTPConnection: url, base_url, headers, query_params,
    path_params, cookies, client, state, app, is_disconnected(), body()/json()/stream()/
    form() (url-encoded and multipart: a well-formed multipart body parses as Starlette
    parses it, with its limits and MultiPartException / HTTPException(400); a malformed
    one raises ValueError where python-multipart raises its own errors), url_for for the
    routes declared with the app's decorators, add_api_route, include_router, mount, and
    FastAPI's documentation routes;
  - the route table the worker finds route targets in (app.router.routes, included
    routers expanded by fastapi.routing.iter_route_contexts, mounts): each APIRoute's
    path, name, methods, endpoint and dependant tree (.dependencies[i].call), with the
    routers' dependencies= first, as FastAPI builds it (testdata/compat/route_table.py,
    recorded from the real stack, checks it on every app of the corpus);
  - datastructures: URL, Headers, MutableHeaders, QueryParams, MultiDict, FormData,
    UploadFile, State, Address;
  - BackgroundTask(s), run_in_threadpool, iterate_in_threadpool,
    contextmanager_in_threadpool: async callables awaited, sync ones run in a thread of
    the loop's default executor with a copy of the context, one after another, as anyio's
    to_thread.run_sync runs them (only the thread names and the pool size differ);
  - FastAPI(): exception_handlers (FastAPI's three defaults, whose __module__ is
    "fastapi.exception_handlers", then the app's, from the constructor,
    @app.exception_handler and add_exception_handler), state, debug, router, webhooks;
  - HTTPException (starlette's and fastapi's), RequestValidationError and the other
    fastapi.exceptions classes, fastapi.exception_handlers, Starlette's status constants
    (and, as in FastAPI, no fastapi.status module), fastapi.encoders.jsonable_encoder,
    fastapi.sse.ServerSentEvent / format_sse_event.

Classes and functions carry the __module__ and __qualname__ of their real counterparts,
so type names and module checks (e.g. the worker's "is this handler one of FastAPI's
defaults") agree. Parameter markers, security classes, middleware and StaticFiles only
record their arguments: Go implements them.

Not reproduced: StreamingResponse.__call__ sends the stream without Starlette's
disconnect listener for ASGI spec versions before 2.4 (the worker's scope says 2.4);
type(app.router) is the app itself, not an APIRouter; the route table holds no websocket
routes and no route handling (Go routes). WebSocket (with WebSocketState and
WebSocketClose) runs over the ASGI receive/send worker.py gives it, with Starlette's state checks.

For worker.py: render any response with `await response(scope, receive, send)` and
collect the messages (same for the real classes; covers HEAD, Range and stat headers of
FileResponse), or read .status_code / .raw_headers / .body / .body_iterator; a
FileResponse without stat_result gets its stat headers in __call__, or from
.set_stat_headers(os.stat(path)) as Starlette computes them. Run BackgroundTasks with
`await tasks()`.
"""

import asyncio
import collections
import collections.abc
import contextlib
import contextvars
import dataclasses
import datetime
import decimal
import email.utils
import enum
import functools
import hashlib
import http
import http.cookies
import importlib.abc
import importlib.machinery
import importlib.util
import inspect
import ipaddress
import json
import math
import mimetypes
import os
import pathlib
import re
import stat as stat_mod
import sys
import types
import typing
import urllib.parse
import uuid
import warnings

# ---------------------------------------------------------------------------
# starlette.datastructures


class Address(typing.NamedTuple):
    host: str
    port: int


class URL:
    """A URL string with its urlsplit components (starlette.datastructures.URL)."""

    def __init__(self, url="", scope=None, **components):
        if scope is not None:
            assert not url, 'Cannot set both "url" and "scope".'
            assert not components, 'Cannot set both "scope" and "**components".'
            url = _url_from_scope(scope)
        elif components:
            assert not url, 'Cannot set both "url" and "**components".'
            url = URL("").replace(**components).components.geturl()
        self._url = url

    @property
    def components(self):
        try:
            return self._components
        except AttributeError:
            self._components = urllib.parse.urlsplit(self._url)
            return self._components

    scheme = property(lambda self: self.components.scheme)
    netloc = property(lambda self: self.components.netloc)
    path = property(lambda self: self.components.path)
    query = property(lambda self: self.components.query)
    fragment = property(lambda self: self.components.fragment)
    username = property(lambda self: self.components.username)
    password = property(lambda self: self.components.password)
    hostname = property(lambda self: self.components.hostname)
    port = property(lambda self: self.components.port)

    @property
    def is_secure(self):
        return self.scheme in ("https", "wss")

    def replace(self, **kwargs):
        if any(k in kwargs for k in ("username", "password", "hostname", "port")):
            host = kwargs.pop("hostname", None)
            port = kwargs.pop("port", self.port)
            user = kwargs.pop("username", self.username)
            password = kwargs.pop("password", self.password)
            if host is None:
                host = self.netloc.rpartition("@")[2]
                if host[-1] != "]":
                    host = host.rsplit(":", 1)[0]
            netloc = host if port is None else "%s:%s" % (host, port)
            if user is not None:
                cred = user if password is None else "%s:%s" % (user, password)
                netloc = cred + "@" + netloc
            kwargs["netloc"] = netloc
        return self.__class__(self.components._replace(**kwargs).geturl())

    def include_query_params(self, **kwargs):
        params = MultiDict(urllib.parse.parse_qsl(self.query, keep_blank_values=True))
        params.update({str(k): str(v) for k, v in kwargs.items()})
        return self.replace(query=urllib.parse.urlencode(params.multi_items()))

    def replace_query_params(self, **kwargs):
        return self.replace(query=urllib.parse.urlencode([(str(k), str(v)) for k, v in kwargs.items()]))

    def remove_query_params(self, keys):
        if isinstance(keys, str):
            keys = [keys]
        params = MultiDict(urllib.parse.parse_qsl(self.query, keep_blank_values=True))
        for k in keys:
            params.pop(k, None)
        return self.replace(query=urllib.parse.urlencode(params.multi_items()))

    def __eq__(self, other):
        return str(self) == str(other)

    def __str__(self):
        return self._url

    def __repr__(self):
        text = str(self)
        if self.password:
            text = str(self.replace(password="********"))
        return "%s(%r)" % (type(self).__name__, text)


_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


def _url_from_scope(scope):
    scheme = scope.get("scheme", "http")
    server = scope.get("server", None)
    path = scope["path"]
    qs = scope.get("query_string", b"")
    host = None
    for k, v in scope["headers"]:
        if k == b"host":
            host = v.decode("latin-1")
            break
    if host is not None:
        url = "%s://%s%s" % (scheme, host, path)
    elif server is None:
        url = path
    else:
        h, p = server
        if p == _DEFAULT_PORTS[scheme]:
            url = "%s://%s%s" % (scheme, h, path)
        else:
            url = "%s://%s:%s%s" % (scheme, h, p, path)
    if qs:
        url += "?" + qs.decode()
    return url


class URLPath(str):
    """A path from url_path_for, with the protocol and host it may carry."""

    def __new__(cls, path, protocol="", host=""):
        assert protocol in ("http", "websocket", "")
        return str.__new__(cls, path)

    def __init__(self, path, protocol="", host=""):
        self.protocol = protocol
        self.host = host

    def make_absolute_url(self, base_url):
        if isinstance(base_url, str):
            base_url = URL(base_url)
        if self.protocol:
            secure = base_url.is_secure
            scheme = {"http": ("http", "https"), "websocket": ("ws", "wss")}[self.protocol][secure]
        else:
            scheme = base_url.scheme
        return URL(scheme=scheme, netloc=self.host or base_url.netloc,
                   path=base_url.path.rstrip("/") + str(self))


class ImmutableMultiDict(collections.abc.Mapping):
    """A mapping keeping every (key, value) pair; [key] is the last value."""

    def __init__(self, *args, **kwargs):
        assert len(args) < 2, "Too many arguments."
        value = args[0] if args else []
        if kwargs:
            value = ImmutableMultiDict(value).multi_items() + ImmutableMultiDict(kwargs).multi_items()
        if not value:
            pairs = []
        elif hasattr(value, "multi_items"):
            pairs = list(value.multi_items())
        elif hasattr(value, "items"):
            pairs = list(value.items())
        else:
            pairs = list(value)
        self._dict = {k: v for k, v in pairs}
        self._list = pairs

    def getlist(self, key):
        return [v for k, v in self._list if k == key]

    def keys(self):
        return self._dict.keys()

    def values(self):
        return self._dict.values()

    def items(self):
        return self._dict.items()

    def multi_items(self):
        return list(self._list)

    def __getitem__(self, key):
        return self._dict[key]

    def __contains__(self, key):
        return key in self._dict

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self._dict)

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return False
        return sorted(self._list) == sorted(other._list)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.multi_items())


class MultiDict(ImmutableMultiDict):
    def __setitem__(self, key, value):
        self.setlist(key, [value])

    def __delitem__(self, key):
        self._list = [(k, v) for k, v in self._list if k != key]
        del self._dict[key]

    def pop(self, key, default=None):
        self._list = [(k, v) for k, v in self._list if k != key]
        return self._dict.pop(key, default)

    def popitem(self):
        key, value = self._dict.popitem()
        self._list = [(k, v) for k, v in self._list if k != key]
        return key, value

    def poplist(self, key):
        out = [v for k, v in self._list if k == key]
        self.pop(key)
        return out

    def clear(self):
        self._dict.clear()
        self._list.clear()

    def setdefault(self, key, default=None):
        if key not in self:
            self._dict[key] = default
            self._list.append((key, default))
        return self[key]

    def setlist(self, key, values):
        if not values:
            self.pop(key, None)
            return
        self._list = [(k, v) for k, v in self._list if k != key] + [(key, v) for v in values]
        self._dict[key] = values[-1]

    def append(self, key, value):
        self._list.append((key, value))
        self._dict[key] = value

    def update(self, *args, **kwargs):
        new = MultiDict(*args, **kwargs)
        keep = [(k, v) for k, v in self._list if k not in new.keys()]
        self._list = keep + new.multi_items()
        self._dict.update(new)


class QueryParams(ImmutableMultiDict):
    """An immutable multidict of str, parsed from a query string."""

    def __init__(self, *args, **kwargs):
        assert len(args) < 2, "Too many arguments."
        value = args[0] if args else []
        if isinstance(value, str):
            super().__init__(urllib.parse.parse_qsl(value, keep_blank_values=True), **kwargs)
        elif isinstance(value, bytes):
            super().__init__(urllib.parse.parse_qsl(value.decode("latin-1"), keep_blank_values=True), **kwargs)
        else:
            super().__init__(*args, **kwargs)
        self._list = [(str(k), str(v)) for k, v in self._list]
        self._dict = {str(k): str(v) for k, v in self._dict.items()}

    def __str__(self):
        return urllib.parse.urlencode(self._list)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, str(self))


class Headers(collections.abc.Mapping):
    """An immutable, case-insensitive multidict over raw (bytes, bytes) pairs."""

    def __init__(self, headers=None, raw=None, scope=None):
        self._list = []
        if headers is not None:
            assert raw is None, 'Cannot set both "headers" and "raw".'
            assert scope is None, 'Cannot set both "headers" and "scope".'
            self._list = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
        elif raw is not None:
            assert scope is None, 'Cannot set both "raw" and "scope".'
            self._list = raw
        elif scope is not None:
            self._list = scope["headers"] = list(scope["headers"])

    @property
    def raw(self):
        return list(self._list)

    def keys(self):
        return [k.decode("latin-1") for k, _ in self._list]

    def values(self):
        return [v.decode("latin-1") for _, v in self._list]

    def items(self):
        return [(k.decode("latin-1"), v.decode("latin-1")) for k, v in self._list]

    def getlist(self, key):
        want = key.lower().encode("latin-1")
        return [v.decode("latin-1") for k, v in self._list if k == want]

    def mutablecopy(self):
        return MutableHeaders(raw=self._list[:])

    def __getitem__(self, key):
        want = key.lower().encode("latin-1")
        for k, v in self._list:
            if k == want:
                return v.decode("latin-1")
        raise KeyError(key)

    def __contains__(self, key):
        want = key.lower().encode("latin-1")
        return any(k == want for k, _ in self._list)

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self._list)

    def __eq__(self, other):
        if not isinstance(other, Headers):
            return False
        return sorted(self._list) == sorted(other._list)

    def __repr__(self):
        as_dict = dict(self.items())
        if len(as_dict) == len(self):
            return "%s(%r)" % (type(self).__name__, as_dict)
        return "%s(raw=%r)" % (type(self).__name__, self.raw)


class MutableHeaders(Headers):
    def __setitem__(self, key, value):
        k = key.lower().encode("latin-1")
        v = value.encode("latin-1")
        found = [i for i, (ik, _) in enumerate(self._list) if ik == k]
        for i in reversed(found[1:]):
            del self._list[i]
        if found:
            self._list[found[0]] = (k, v)
        else:
            self._list.append((k, v))

    def __delitem__(self, key):
        k = key.lower().encode("latin-1")
        for i in reversed([i for i, (ik, _) in enumerate(self._list) if ik == k]):
            del self._list[i]

    def __ior__(self, other):
        if not isinstance(other, collections.abc.Mapping):
            raise TypeError("Expected a mapping but got %s" % (type(other).__name__,))
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, collections.abc.Mapping):
            raise TypeError("Expected a mapping but got %s" % (type(other).__name__,))
        new = self.mutablecopy()
        new.update(other)
        return new

    @property
    def raw(self):
        return self._list

    def setdefault(self, key, value):
        k = key.lower().encode("latin-1")
        v = value.encode("latin-1")
        for ik, iv in self._list:
            if ik == k:
                return iv.decode("latin-1")
        self._list.append((k, v))
        return value

    def update(self, other):
        for k, v in other.items():
            self[k] = v

    def append(self, key, value):
        self._list.append((key.lower().encode("latin-1"), value.encode("latin-1")))

    def add_vary_header(self, vary):
        existing = self.get("vary")
        if existing is not None:
            vary = ", ".join([existing, vary])
        self["vary"] = vary


class State:
    """Attribute-style storage over a dict (request.state, app.state)."""

    def __init__(self, state=None):
        super().__setattr__("_state", {} if state is None else state)

    def __setattr__(self, key, value):
        self._state[key] = value

    def __getattr__(self, key):
        try:
            return self._state[key]
        except KeyError:
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, key))

    def __delattr__(self, key):
        del self._state[key]


async def _in_thread(fn, *args, **kwargs):
    """Runs fn in the loop's default executor with a copy of the context (anyio's run_sync)."""
    ctx = contextvars.copy_context()
    call = functools.partial(ctx.run, functools.partial(fn, *args, **kwargs))
    return await asyncio.get_running_loop().run_in_executor(None, call)


class UploadFile:
    """An uploaded file: the file object, its name, size and part headers."""

    def __init__(self, file, *, size=None, filename=None, headers=None):
        self.filename = filename
        self.file = file
        self.size = size
        self.headers = headers or Headers()
        self._max_mem_size = getattr(self.file, "_max_size", 0)

    @property
    def content_type(self):
        return self.headers.get("content-type", None)

    @property
    def _in_memory(self):
        return not getattr(self.file, "_rolled", True)

    def _will_roll(self, size_to_add):
        if not self._in_memory:
            return True
        future = self.file.tell() + size_to_add
        return bool(future > self._max_mem_size) if self._max_mem_size else False

    async def write(self, data):
        if self.size is not None:
            self.size += len(data)
        if self._will_roll(len(data)):
            await _in_thread(self.file.write, data)
        else:
            self.file.write(data)

    async def read(self, size=-1):
        if self._in_memory:
            return self.file.read(size)
        return await _in_thread(self.file.read, size)

    async def seek(self, offset):
        if self._in_memory:
            self.file.seek(offset)
        else:
            await _in_thread(self.file.seek, offset)

    async def close(self):
        if self._in_memory:
            self.file.close()
        else:
            await _in_thread(self.file.close)

    def __repr__(self):
        return "%s(filename=%r, size=%r, headers=%r)" % (type(self).__name__, self.filename, self.size, self.headers)


class FastAPIUploadFile(UploadFile):
    """fastapi.datastructures.UploadFile (same behaviour, FastAPI's class)."""


class FormData(ImmutableMultiDict):
    async def close(self):
        for _, value in self.multi_items():
            if isinstance(value, UploadFile):
                await value.close()


# ---------------------------------------------------------------------------
# starlette.background


def _is_async_callable(obj):
    while isinstance(obj, functools.partial):
        obj = obj.func
    return asyncio.iscoroutinefunction(obj) or (callable(obj) and asyncio.iscoroutinefunction(obj.__call__))


class BackgroundTask:
    def __init__(self, func, *args, **kwargs):
        self.func = func
        self.args = args
        self.kwargs = kwargs
        self.is_async = _is_async_callable(func)

    async def __call__(self):
        if self.is_async:
            await self.func(*self.args, **self.kwargs)
        else:
            await _in_thread(self.func, *self.args, **self.kwargs)


class BackgroundTasks(BackgroundTask):
    def __init__(self, tasks=None):
        self.tasks = list(tasks) if tasks else []

    def add_task(self, func, *args, **kwargs):
        self.tasks.append(BackgroundTask(func, *args, **kwargs))

    async def __call__(self):
        for task in self.tasks:
            await task()


class FastAPIBackgroundTasks(BackgroundTasks):
    """fastapi.BackgroundTasks (same behaviour, FastAPI's class)."""


# ---------------------------------------------------------------------------
# starlette.exceptions, fastapi.exceptions


class StarletteHTTPException(Exception):
    def __init__(self, status_code, detail=None, headers=None):
        if detail is None:
            detail = http.HTTPStatus(status_code).phrase
        self.status_code = status_code
        self.detail = detail
        self.headers = headers

    def __str__(self):
        return "%s: %s" % (self.status_code, self.detail)

    def __repr__(self):
        return "%s(status_code=%r, detail=%r)" % (type(self).__name__, self.status_code, self.detail)


class StarletteWebSocketException(Exception):
    def __init__(self, code, reason=None):
        self.code = code
        self.reason = reason or ""

    def __str__(self):
        return "%s: %s" % (self.code, self.reason)

    def __repr__(self):
        return "%s(code=%r, reason=%r)" % (type(self).__name__, self.code, self.reason)


class HTTPException(StarletteHTTPException):
    def __init__(self, status_code, detail=None, headers=None):
        super().__init__(status_code=status_code, detail=detail, headers=headers)


class WebSocketException(StarletteWebSocketException):
    def __init__(self, code, reason=None):
        super().__init__(code=code, reason=reason)


class FastAPIError(RuntimeError):
    pass


class DependencyScopeError(FastAPIError):
    pass


class PydanticV1NotSupportedError(FastAPIError):
    pass


class FastAPIDeprecationWarning(UserWarning):
    pass


class ValidationException(Exception):
    def __init__(self, errors, *, endpoint_ctx=None):
        self._errors = errors
        self.endpoint_ctx = endpoint_ctx
        ctx = endpoint_ctx or {}
        self.endpoint_function = ctx.get("function")
        self.endpoint_path = ctx.get("path")
        self.endpoint_file = ctx.get("file")
        self.endpoint_line = ctx.get("line")

    def errors(self):
        return self._errors

    def _format_endpoint_context(self):
        if not (self.endpoint_file and self.endpoint_line and self.endpoint_function):
            return "\n  Endpoint: %s" % (self.endpoint_path,) if self.endpoint_path else ""
        out = '\n  File "%s", line %s, in %s' % (self.endpoint_file, self.endpoint_line, self.endpoint_function)
        if self.endpoint_path:
            out += "\n    %s" % (self.endpoint_path,)
        return out

    def __str__(self):
        n = len(self._errors)
        lines = ["%d validation error%s:\n" % (n, "" if n == 1 else "s")]
        lines += ["  %s\n" % (e,) for e in self._errors]
        lines.append(self._format_endpoint_context())
        return "".join(lines).rstrip()


class RequestValidationError(ValidationException):
    def __init__(self, errors, *, body=None, endpoint_ctx=None):
        super().__init__(errors, endpoint_ctx=endpoint_ctx)
        self.body = body


class WebSocketRequestValidationError(ValidationException):
    def __init__(self, errors, *, endpoint_ctx=None):
        super().__init__(errors, endpoint_ctx=endpoint_ctx)


class ResponseValidationError(ValidationException):
    def __init__(self, errors, *, body=None, endpoint_ctx=None):
        super().__init__(errors, endpoint_ctx=endpoint_ctx)
        self.body = body


class WebSocketDisconnect(Exception):
    def __init__(self, code=1000, reason=None):
        self.code = code
        self.reason = reason or ""


# ---------------------------------------------------------------------------
# starlette.requests


def cookie_parser(cookie_string):
    """Parses a Cookie header the lenient way browsers and Starlette do (not SimpleCookie)."""
    out = {}
    for chunk in cookie_string.split(";"):
        key, eq, val = chunk.partition("=")
        if not eq:
            key, val = "", chunk
        key, val = key.strip(), val.strip()
        if key or val:
            out[key] = http.cookies._unquote(val)
    return out


class ClientDisconnect(Exception):
    pass


class HTTPConnection(collections.abc.Mapping):
    """What Request and WebSocket share: a read-only view of the ASGI scope."""

    def __init__(self, scope, receive=None):
        assert scope["type"] in ("http", "websocket")
        self.scope = scope

    def __getitem__(self, key):
        return self.scope[key]

    def __iter__(self):
        return iter(self.scope)

    def __len__(self):
        return len(self.scope)

    __eq__ = object.__eq__
    __hash__ = object.__hash__

    @property
    def app(self):
        return self.scope["app"]

    @property
    def url(self):
        if not hasattr(self, "_url"):
            self._url = URL(scope=self.scope)
        return self._url

    @property
    def base_url(self):
        if not hasattr(self, "_base_url"):
            s = dict(self.scope)
            root = s.get("app_root_path", s.get("root_path", ""))
            s["path"] = root if root.endswith("/") else root + "/"
            s["query_string"] = b""
            s["root_path"] = root
            self._base_url = URL(scope=s)
        return self._base_url

    @property
    def headers(self):
        if not hasattr(self, "_headers"):
            self._headers = Headers(scope=self.scope)
        return self._headers

    @property
    def query_params(self):
        if not hasattr(self, "_query_params"):
            self._query_params = QueryParams(self.scope["query_string"])
        return self._query_params

    @property
    def path_params(self):
        return self.scope.get("path_params", {})

    @property
    def cookies(self):
        if not hasattr(self, "_cookies"):
            header = self.headers.get("cookie")
            self._cookies = cookie_parser(header) if header else {}
        return self._cookies

    @property
    def client(self):
        hp = self.scope.get("client")
        return None if hp is None else Address(*hp)

    @property
    def session(self):
        assert "session" in self.scope, "SessionMiddleware must be installed to access request.session"
        return self.scope["session"]

    @property
    def auth(self):
        assert "auth" in self.scope, "AuthenticationMiddleware must be installed to access request.auth"
        return self.scope["auth"]

    @property
    def user(self):
        assert "user" in self.scope, "AuthenticationMiddleware must be installed to access request.user"
        return self.scope["user"]

    @property
    def state(self):
        if not hasattr(self, "_state"):
            self.scope.setdefault("state", {})
            self._state = State(self.scope["state"])
        return self._state

    def url_for(self, name, /, **path_params):
        provider = self.scope.get("router") or self.scope.get("app")
        if provider is None:
            raise RuntimeError("The `url_for` method can only be used inside a Starlette application or with a router.")
        return provider.url_path_for(name, **path_params).make_absolute_url(base_url=self.base_url)


async def empty_receive():
    raise RuntimeError("Receive channel has not been made available")


async def empty_send(message):
    raise RuntimeError("Send channel has not been made available")


class _AwaitableOrContextManager:
    """form()'s result: awaitable, or an async context manager closing the form."""

    __slots__ = ("aw", "entered")

    def __init__(self, aw):
        self.aw = aw

    def __await__(self):
        return self.aw.__await__()

    async def __aenter__(self):
        self.entered = await self.aw
        return self.entered

    async def __aexit__(self, *args):
        await self.entered.close()
        return None


def parse_options_header(value):
    """A Content-Type / Content-Disposition value as python-multipart parses it:
    (media type, {param: value}) as bytes; quoted values unquoted, RFC 2231 `key*`
    parameters ignored, IE6 full paths in filename cut to the name."""
    if not value:
        return b"", {}
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if ";" not in value:
        return value.lower().strip().encode("latin-1"), {}
    import email.message

    ctype, *params = email.message._parseparam(value)
    options = {}
    for param in params:
        key, _, val = param.partition("=")
        if "*" in key:
            continue
        if len(val) >= 2 and val[0] == '"' and val[-1] == '"':
            val = val[1:-1].replace("\\\\", "\\").replace('\\"', '"')
        if key == "filename" and (val[1:3] == ":\\" or val[:2] == "\\\\"):
            val = val.split("\\")[-1]
        options[key.encode("latin-1")] = val.encode("latin-1")
    return ctype.encode("latin-1"), options


def _parse_urlencoded(body):
    """application/x-www-form-urlencoded as Starlette's FormParser (python-multipart) reads it."""
    items = []
    for chunk in body.split(b"&"):
        if not chunk:
            continue
        name, _, value = chunk.partition(b"=")
        items.append((urllib.parse.unquote_plus(name.decode("latin-1")),
                      urllib.parse.unquote_plus(value.decode("latin-1"))))
    return FormData(items)


class MultiPartException(Exception):
    def __init__(self, message):
        self.message = message


def _safe_decode(data, charset):
    try:
        return data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return data.decode("latin-1")


def _multipart_parts(body, boundary):
    """The (headers, data) of each part of a well-formed multipart body. A body
    python-multipart would reject raises ValueError (its error messages are not
    reproduced)."""
    i = 0
    while i < len(body) and body[i] in b"\r\n":
        i += 1
    delim = b"--" + boundary
    if not body.startswith(delim, i):
        raise ValueError("covetgen compat: malformed multipart body (no opening boundary)")
    i += len(delim)
    parts = []
    while True:
        if body.startswith(b"--", i):
            return parts
        if not body.startswith(b"\r\n", i):
            raise ValueError("covetgen compat: malformed multipart body (boundary line)")
        i += 2
        head_end = body.find(b"\r\n\r\n", i)
        if body.startswith(b"\r\n", i):
            head, i = b"", i + 2
        else:
            if head_end < 0:
                raise ValueError("covetgen compat: malformed multipart body (headers)")
            head, i = body[i:head_end], head_end + 4
        headers = []
        for line in head.split(b"\r\n") if head else []:
            name, colon, value = line.partition(b":")
            if not colon or not name:
                raise ValueError("covetgen compat: malformed multipart header %r" % (line,))
            headers.append((name.lower(), value.lstrip(b" ")))
        end = body.find(b"\r\n" + delim, i)
        if end < 0:
            raise ValueError("covetgen compat: malformed multipart body (no closing boundary)")
        parts.append((headers, body[i:end]))
        i = end + 2 + len(delim)


async def _parse_multipart(headers, body, max_files, max_fields, max_part_size):
    """multipart/form-data as Starlette's MultiPartParser reads a well-formed body."""
    import tempfile

    _, params = parse_options_header(headers["Content-Type"])
    charset = params.get(b"charset", "utf-8")
    if isinstance(charset, bytes):
        charset = charset.decode("latin-1")
    try:
        boundary = params[b"boundary"]
    except KeyError:
        raise MultiPartException("Missing boundary in multipart.")
    items, nfiles, nfields, opened = [], 0, 0, []
    try:
        for part_headers, data in _multipart_parts(body, boundary):
            disposition = None
            for k, v in part_headers:
                if k == b"content-disposition":
                    disposition = v
            _, options = parse_options_header(disposition)
            try:
                name = _safe_decode(options[b"name"], charset)
            except KeyError:
                raise MultiPartException('The Content-Disposition header field "name" must be provided.')
            if b"filename" in options:
                nfiles += 1
                if nfiles > max_files:
                    raise MultiPartException("Too many files. Maximum number of files is %s." % (max_files,))
                spool = tempfile.SpooledTemporaryFile(max_size=1024 * 1024)
                opened.append(spool)
                upload = UploadFile(file=spool, size=0, filename=_safe_decode(options[b"filename"], charset),
                                    headers=Headers(raw=part_headers))
                if data:
                    await upload.write(data)
                await upload.seek(0)
                items.append((name, upload))
            else:
                nfields += 1
                if nfields > max_fields:
                    raise MultiPartException("Too many fields. Maximum number of fields is %s." % (max_fields,))
                if len(data) > max_part_size:
                    raise MultiPartException("Part exceeded maximum size of %sKB." % (int(max_part_size / 1024),))
                items.append((name, _safe_decode(data, charset)))
    except MultiPartException:
        for f in opened:
            f.close()
        raise
    return FormData(items)


class Request(HTTPConnection):
    def __init__(self, scope, receive=empty_receive, send=empty_send):
        super().__init__(scope)
        assert scope["type"] == "http"
        self._receive = receive
        self._send = send
        self._stream_consumed = False
        self._is_disconnected = False
        self._form = None

    @property
    def method(self):
        return self.scope["method"]

    @property
    def receive(self):
        return self._receive

    async def stream(self):
        if hasattr(self, "_body"):
            yield self._body
            yield b""
            return
        if self._stream_consumed:
            raise RuntimeError("Stream consumed")
        while not self._stream_consumed:
            message = await self._receive()
            if message["type"] == "http.request":
                chunk = message.get("body", b"")
                if not message.get("more_body", False):
                    self._stream_consumed = True
                if chunk:
                    yield chunk
            elif message["type"] == "http.disconnect":
                self._is_disconnected = True
                raise ClientDisconnect()
        yield b""

    async def body(self):
        if not hasattr(self, "_body"):
            self._body = b"".join([c async for c in self.stream()])
        return self._body

    async def json(self):
        if not hasattr(self, "_json"):
            self._json = json.loads(await self.body())
        return self._json

    async def _get_form(self, *, max_files=1000, max_fields=1000, max_part_size=1024 * 1024):
        if self._form is None:
            ctype, _ = parse_options_header(self.headers.get("Content-Type"))
            if ctype == b"multipart/form-data":
                body = b"".join([c async for c in self.stream()])
                try:
                    self._form = await _parse_multipart(self.headers, body, max_files, max_fields, max_part_size)
                except MultiPartException as exc:
                    if "app" in self.scope:
                        raise StarletteHTTPException(status_code=400, detail=exc.message)
                    raise exc
            elif ctype == b"application/x-www-form-urlencoded":
                self._form = _parse_urlencoded(b"".join([c async for c in self.stream()]))
            else:
                self._form = FormData()
        return self._form

    def form(self, *, max_files=1000, max_fields=1000, max_part_size=1024 * 1024):
        return _AwaitableOrContextManager(
            self._get_form(max_files=max_files, max_fields=max_fields, max_part_size=max_part_size))

    async def close(self):
        if self._form is not None:
            await self._form.close()

    async def is_disconnected(self):
        # Starlette polls receive() inside an already-cancelled scope; here a message that is
        # ready without waiting is taken, anything else is cancelled.
        if not self._is_disconnected:
            task = asyncio.ensure_future(self._receive())
            await asyncio.sleep(0)
            message = {}
            if task.done() and not task.cancelled() and task.exception() is None:
                message = task.result()
            else:
                task.cancel()
            if message.get("type") == "http.disconnect":
                self._is_disconnected = True
        return self._is_disconnected

    async def send_push_promise(self, path):
        if "http.response.push" in self.scope.get("extensions", {}):
            raw = []
            for name in ("accept", "accept-encoding", "accept-language", "cache-control", "user-agent"):
                for value in self.headers.getlist(name):
                    raw.append((name.encode("latin-1"), value.encode("latin-1")))
            await self._send({"type": "http.response.push", "path": path, "headers": raw})


class WebSocketState(enum.Enum):
    CONNECTING = 0
    CONNECTED = 1
    DISCONNECTED = 2
    RESPONSE = 3



class WebSocket(HTTPConnection):
    """A websocket connection over ASGI receive/send, with Starlette's state checks: the
    client side (connect, receive, disconnect) and the application side (accept or
    close or a denial response, then send, then close) each move CONNECTING ->
    CONNECTED -> DISCONNECTED (RESPONSE for a denial response)."""

    def __init__(self, scope, receive, send):
        super().__init__(scope)
        assert scope["type"] == "websocket"
        self._receive = receive
        self._send = send
        self.client_state = WebSocketState.CONNECTING
        self.application_state = WebSocketState.CONNECTING

    async def receive(self):
        state = self.client_state
        if state is WebSocketState.DISCONNECTED or state is WebSocketState.RESPONSE:
            raise RuntimeError('Cannot call "receive" once a disconnect message has been received.')
        message = await self._receive()
        kind = message["type"]
        if state is WebSocketState.CONNECTING:
            if kind != "websocket.connect":
                raise RuntimeError('Expected ASGI message "websocket.connect", but got %r' % (kind,))
            self.client_state = WebSocketState.CONNECTED
            return message
        if kind not in ("websocket.receive", "websocket.disconnect"):
            raise RuntimeError(
                'Expected ASGI message "websocket.receive" or "websocket.disconnect", but got %r' % (kind,))
        if kind == "websocket.disconnect":
            self.client_state = WebSocketState.DISCONNECTED
        return message

    async def send(self, message):
        kind = message["type"]
        state = self.application_state
        if state is WebSocketState.CONNECTING:
            if kind not in ("websocket.accept", "websocket.close", "websocket.http.response.start"):
                raise RuntimeError(
                    'Expected ASGI message "websocket.accept", "websocket.close" or '
                    '"websocket.http.response.start", but got %r' % (kind,))
            self.application_state = {"websocket.close": WebSocketState.DISCONNECTED,
                                      "websocket.http.response.start": WebSocketState.RESPONSE,
                                      }.get(kind, WebSocketState.CONNECTED)
            await self._send(message)
        elif state is WebSocketState.CONNECTED:
            if kind not in ("websocket.send", "websocket.close"):
                raise RuntimeError('Expected ASGI message "websocket.send" or "websocket.close", but got %r' % (kind,))
            if kind == "websocket.close":
                self.application_state = WebSocketState.DISCONNECTED
            try:
                await self._send(message)
            except OSError:
                self.application_state = WebSocketState.DISCONNECTED
                raise WebSocketDisconnect(code=1006)
        elif state is WebSocketState.RESPONSE:
            if kind != "websocket.http.response.body":
                raise RuntimeError('Expected ASGI message "websocket.http.response.body", but got %r' % (kind,))
            if not message.get("more_body", False):
                self.application_state = WebSocketState.DISCONNECTED
            await self._send(message)
        else:
            raise RuntimeError('Cannot call "send" once a close message has been sent.')

    async def accept(self, subprotocol=None, headers=None):
        if self.client_state is WebSocketState.CONNECTING:
            await self.receive()  # the connect message comes first
        await self.send({"type": "websocket.accept", "subprotocol": subprotocol, "headers": headers or []})

    def _connected(self):
        if self.application_state is not WebSocketState.CONNECTED:
            raise RuntimeError('WebSocket is not connected. Need to call "accept" first.')

    async def _data(self, key):
        self._connected()
        message = await self.receive()
        if message["type"] == "websocket.disconnect":
            raise WebSocketDisconnect(message["code"], message.get("reason"))
        return message[key]

    async def receive_text(self):
        return await self._data("text")

    async def receive_bytes(self):
        return await self._data("bytes")

    async def receive_json(self, mode="text"):
        if mode not in ("text", "binary"):
            raise RuntimeError('The "mode" argument should be "text" or "binary".')
        if mode == "text":
            return json.loads(await self._data("text"))
        return json.loads((await self._data("bytes")).decode("utf-8"))

    async def _iterate(self, read):
        while True:
            try:
                item = await read()
            except WebSocketDisconnect:
                return
            yield item

    def iter_text(self):
        return self._iterate(self.receive_text)

    def iter_bytes(self):
        return self._iterate(self.receive_bytes)

    def iter_json(self):
        return self._iterate(self.receive_json)

    async def send_text(self, data):
        await self.send({"type": "websocket.send", "text": data})

    async def send_bytes(self, data):
        await self.send({"type": "websocket.send", "bytes": data})

    async def send_json(self, data, mode="text"):
        if mode not in ("text", "binary"):
            raise RuntimeError('The "mode" argument should be "text" or "binary".')
        text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        if mode == "text":
            await self.send({"type": "websocket.send", "text": text})
        else:
            await self.send({"type": "websocket.send", "bytes": text.encode("utf-8")})

    async def close(self, code=1000, reason=None):
        await self.send({"type": "websocket.close", "code": code, "reason": reason or ""})

    async def send_denial_response(self, response):
        if "websocket.http.response" not in self.scope.get("extensions", {}):
            raise RuntimeError("The server doesn't support the Websocket Denial Response extension.")
        await response(self.scope, self.receive, self.send)


class WebSocketClose:
    def __init__(self, code=1000, reason=None):
        self.code = code
        self.reason = reason or ""

    async def __call__(self, scope, receive, send):
        await send({"type": "websocket.close", "code": self.code, "reason": self.reason})


# ---------------------------------------------------------------------------
# starlette.responses, fastapi.responses


class Response:
    media_type = None
    charset = "utf-8"

    def __init__(self, content=None, status_code=200, headers=None, media_type=None, background=None):
        self.status_code = status_code
        if media_type is not None:
            self.media_type = media_type
        self.background = background
        self.body = self.render(content)
        self.init_headers(headers)

    def render(self, content):
        if content is None:
            return b""
        if isinstance(content, (bytes, memoryview)):
            return content
        return content.encode(self.charset)

    def init_headers(self, headers=None):
        if headers is None:
            raw, want_length, want_type = [], True, True
        else:
            raw = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
            names = [k for k, _ in raw]
            want_length = b"content-length" not in names
            want_type = b"content-type" not in names
        body = getattr(self, "body", None)
        if body is not None and want_length and not (self.status_code < 200 or self.status_code in (204, 304)):
            raw.append((b"content-length", str(len(body)).encode("latin-1")))
        ctype = self.media_type
        if ctype is not None and want_type:
            if ctype.startswith("text/") and "charset=" not in ctype.lower():
                ctype += "; charset=" + self.charset
            raw.append((b"content-type", ctype.encode("latin-1")))
        self.raw_headers = raw

    @property
    def headers(self):
        if not hasattr(self, "_headers"):
            self._headers = MutableHeaders(raw=self.raw_headers)
        return self._headers

    def set_cookie(self, key, value="", max_age=None, expires=None, path="/", domain=None, secure=False,
                   httponly=False, samesite="lax", partitioned=False):
        cookie = http.cookies.SimpleCookie()
        cookie[key] = value
        morsel = cookie[key]
        if max_age is not None:
            morsel["max-age"] = max_age
        if expires is not None:
            if isinstance(expires, datetime.datetime):
                morsel["expires"] = email.utils.format_datetime(expires, usegmt=True)
            else:
                morsel["expires"] = expires
        if path is not None:
            morsel["path"] = path
        if domain is not None:
            morsel["domain"] = domain
        if secure:
            morsel["secure"] = True
        if httponly:
            morsel["httponly"] = True
        if samesite is not None:
            assert samesite.lower() in ["strict", "lax", "none"], \
                "samesite must be either 'strict', 'lax' or 'none'"
            morsel["samesite"] = samesite
        if partitioned:
            if sys.version_info < (3, 14):
                raise ValueError("Partitioned cookies are only supported in Python 3.14 and above.")
            morsel["partitioned"] = True
        text = cookie.output(header="").strip()
        self.raw_headers.append((b"set-cookie", text.encode("latin-1")))

    def delete_cookie(self, key, path="/", domain=None, secure=False, httponly=False, samesite="lax"):
        self.set_cookie(key, max_age=0, expires=0, path=path, domain=domain, secure=secure,
                        httponly=httponly, samesite=samesite)

    async def __call__(self, scope, receive, send):
        prefix = "websocket." if scope["type"] == "websocket" else ""
        await send({"type": prefix + "http.response.start", "status": self.status_code,
                    "headers": self.raw_headers})
        await send({"type": prefix + "http.response.body", "body": self.body})
        if self.background is not None:
            await self.background()


class HTMLResponse(Response):
    media_type = "text/html"


class PlainTextResponse(Response):
    media_type = "text/plain"


class JSONResponse(Response):
    media_type = "application/json"

    def __init__(self, content, status_code=200, headers=None, media_type=None, background=None):
        super().__init__(content, status_code, headers, media_type, background)

    def render(self, content):
        return json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None,
                          separators=(",", ":")).encode("utf-8")


def _optional_module(name):
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError:
        return None


def _fastapi_deprecated(message):
    """typing_extensions.deprecated as FastAPI applies it (warns on use and subclassing)."""
    import typing_extensions

    return typing_extensions.deprecated(message, category=FastAPIDeprecationWarning, stacklevel=2)


_DEPRECATED_JSON = (
    "%s is deprecated, FastAPI now serializes data directly to JSON bytes via Pydantic when a "
    "return type or response model is set, which is faster and doesn't need a custom response "
    "class. Read more in the FastAPI docs: "
    "https://fastapi.tiangolo.com/advanced/custom-response/#orjson-or-response-model "
    "and https://fastapi.tiangolo.com/tutorial/response-model/")


class _UJSONResponse(JSONResponse):
    def render(self, content):
        ujson = _optional_module("ujson")
        assert ujson is not None, "ujson must be installed to use UJSONResponse"
        return ujson.dumps(content, ensure_ascii=False).encode("utf-8")


class _ORJSONResponse(JSONResponse):
    def render(self, content):
        orjson = _optional_module("orjson")
        assert orjson is not None, "orjson must be installed to use ORJSONResponse"
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY)


_UJSONResponse.__name__ = _UJSONResponse.__qualname__ = "UJSONResponse"
_ORJSONResponse.__name__ = _ORJSONResponse.__qualname__ = "ORJSONResponse"
UJSONResponse = _fastapi_deprecated(_DEPRECATED_JSON % "UJSONResponse")(_UJSONResponse)
ORJSONResponse = _fastapi_deprecated(_DEPRECATED_JSON % "ORJSONResponse")(_ORJSONResponse)


class RedirectResponse(Response):
    def __init__(self, url, status_code=307, headers=None, background=None):
        super().__init__(content=b"", status_code=status_code, headers=headers, background=background)
        self.headers["location"] = urllib.parse.quote(str(url), safe=":/%#?=@[]!$&'()*+,;")


class _StopIterationInThread(Exception):
    pass


def _next_or_stop(it):
    try:
        return next(it)
    except StopIteration:
        raise _StopIterationInThread


async def iterate_in_threadpool(iterator):
    """Iterates a sync iterable, each next() in a worker thread, as Starlette does."""
    it = iter(iterator)
    while True:
        try:
            yield await _in_thread(_next_or_stop, it)
        except _StopIterationInThread:
            break


async def run_in_threadpool(func, *args, **kwargs):
    """Calls func(*args, **kwargs) in a worker thread (starlette.concurrency)."""
    return await _in_thread(func, *args, **kwargs)


@contextlib.asynccontextmanager
async def contextmanager_in_threadpool(cm):
    """A sync context manager entered and exited in worker threads (fastapi.concurrency)."""
    try:
        yield await run_in_threadpool(cm.__enter__)
    except Exception as e:
        if not bool(await _in_thread(cm.__exit__, type(e), e, e.__traceback__)):
            raise e
    else:
        await _in_thread(cm.__exit__, None, None, None)


class StreamingResponse(Response):
    def __init__(self, content, status_code=200, headers=None, media_type=None, background=None):
        if isinstance(content, collections.abc.AsyncIterable):
            self.body_iterator = content
        else:
            self.body_iterator = iterate_in_threadpool(content)
        self.status_code = status_code
        self.media_type = self.media_type if media_type is None else media_type
        self.background = background
        self.init_headers(headers)

    async def listen_for_disconnect(self, receive):
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break

    async def stream_response(self, send):
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        async for chunk in self.body_iterator:
            if not isinstance(chunk, (bytes, memoryview)):
                chunk = chunk.encode(self.charset)
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})

    async def __call__(self, scope, receive, send):
        # Starlette races the stream against a disconnect listener before ASGI spec 2.4;
        # here the stream is sent whole (the bridge has no client connection to watch).
        try:
            await self.stream_response(send)
        except OSError:
            raise ClientDisconnect()
        if self.background is not None:
            await self.background()


class MalformedRangeHeader(Exception):
    def __init__(self, content="Malformed range header."):
        self.content = content


class RangeNotSatisfiable(Exception):
    def __init__(self, max_size):
        self.max_size = max_size


_RANGE = re.compile(r"(\d*)-(\d*)")


class FileResponse(Response):
    chunk_size = 64 * 1024

    def __init__(self, path, status_code=200, headers=None, media_type=None, background=None, filename=None,
                 stat_result=None, method=None, content_disposition_type="attachment"):
        self.path = path
        self.status_code = status_code
        self.filename = filename
        if method is not None:
            warnings.warn("The 'method' parameter is not used, and it will be removed.", DeprecationWarning)
        if media_type is None:
            media_type = mimetypes.guess_type(filename or path)[0] or "text/plain"
        self.media_type = media_type
        self.background = background
        self.init_headers(headers)
        self.headers.setdefault("accept-ranges", "bytes")
        if self.filename is not None:
            quoted = urllib.parse.quote(self.filename)
            if quoted != self.filename:
                disposition = "%s; filename*=utf-8''%s" % (content_disposition_type, quoted)
            else:
                disposition = '%s; filename="%s"' % (content_disposition_type, self.filename)
            self.headers.setdefault("content-disposition", disposition)
        self.stat_result = stat_result
        if stat_result is not None:
            self.set_stat_headers(stat_result)

    def set_stat_headers(self, stat_result):
        size = str(stat_result.st_size)
        etag_base = str(stat_result.st_mtime) + "-" + size
        self.headers.setdefault("content-length", size)
        self.headers.setdefault("last-modified", email.utils.formatdate(stat_result.st_mtime, usegmt=True))
        self.headers.setdefault("etag", '"%s"' % hashlib.md5(etag_base.encode(), usedforsecurity=False).hexdigest())

    async def __call__(self, scope, receive, send):
        head_only = scope["method"].upper() == "HEAD"
        pathsend = "http.response.pathsend" in scope.get("extensions", {})
        if self.stat_result is None:
            try:
                st = await _in_thread(os.stat, self.path)
                self.set_stat_headers(st)
            except FileNotFoundError:
                raise RuntimeError("File at path %s does not exist." % (self.path,))
            else:
                if not stat_mod.S_ISREG(st.st_mode):
                    raise RuntimeError("File at path %s is not a file." % (self.path,))
        else:
            st = self.stat_result
        req_headers = Headers(scope=scope)
        rng = req_headers.get("range")
        if_range = req_headers.get("if-range")
        if rng is None or (if_range is not None and not self._should_use_range(if_range)):
            await self._handle_simple(send, head_only, pathsend)
        else:
            try:
                ranges = self._parse_range_header(rng, st.st_size)
            except MalformedRangeHeader as exc:
                return await PlainTextResponse(exc.content, status_code=400)(scope, receive, send)
            except RangeNotSatisfiable as exc:
                bad = PlainTextResponse(status_code=416, headers={"Content-Range": "*/%s" % (exc.max_size,)})
                return await bad(scope, receive, send)
            if len(ranges) == 1:
                await self._handle_single_range(send, ranges[0][0], ranges[0][1], st.st_size, head_only)
            else:
                await self._handle_multiple_ranges(send, ranges, st.st_size, head_only)
        if self.background is not None:
            await self.background()

    async def _handle_simple(self, send, head_only, pathsend):
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        if head_only:
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        elif pathsend:
            await send({"type": "http.response.pathsend", "path": str(self.path)})
        else:
            with open(self.path, "rb") as f:
                more = True
                while more:
                    chunk = await _in_thread(f.read, self.chunk_size)
                    more = len(chunk) == self.chunk_size
                    await send({"type": "http.response.body", "body": chunk, "more_body": more})

    async def _handle_single_range(self, send, start, end, size, head_only):
        self.headers["content-range"] = "bytes %d-%d/%d" % (start, end - 1, size)
        self.headers["content-length"] = str(end - start)
        await send({"type": "http.response.start", "status": 206, "headers": self.raw_headers})
        if head_only:
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            return
        with open(self.path, "rb") as f:
            f.seek(start)
            more = True
            while more:
                chunk = await _in_thread(f.read, min(self.chunk_size, end - start))
                start += len(chunk)
                more = len(chunk) == self.chunk_size and start < end
                await send({"type": "http.response.body", "body": chunk, "more_body": more})

    async def _handle_multiple_ranges(self, send, ranges, size, head_only):
        import secrets

        boundary = secrets.token_hex(13)
        length, part_header = self.generate_multipart(ranges, boundary, size, self.headers["content-type"])
        self.headers["content-range"] = "multipart/byteranges; boundary=%s" % (boundary,)
        self.headers["content-length"] = str(length)
        await send({"type": "http.response.start", "status": 206, "headers": self.raw_headers})
        if head_only:
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            return
        with open(self.path, "rb") as f:
            for start, end in ranges:
                await send({"type": "http.response.body", "body": part_header(start, end), "more_body": True})
                f.seek(start)
                while start < end:
                    chunk = await _in_thread(f.read, min(self.chunk_size, end - start))
                    start += len(chunk)
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
                await send({"type": "http.response.body", "body": b"\n", "more_body": True})
            await send({"type": "http.response.body", "body": ("\n--%s--\n" % boundary).encode("latin-1"),
                        "more_body": False})

    def _should_use_range(self, if_range):
        return if_range == self.headers["last-modified"] or if_range == self.headers["etag"]

    @staticmethod
    def _parse_range_header(http_range, file_size):
        try:
            units, spec = http_range.split("=", 1)
        except ValueError:
            raise MalformedRangeHeader()
        if units.strip().lower() != "bytes":
            raise MalformedRangeHeader("Only support bytes range")
        ranges = []
        for a, b in _RANGE.findall(spec):
            if (a, b) == ("", ""):
                continue
            start = int(a) if a else file_size - int(b)
            end = int(b) + 1 if a and b and int(b) < file_size else file_size
            ranges.append((start, end))
        if not ranges:
            raise MalformedRangeHeader("Range header: range must be requested")
        if any(not (0 <= s < file_size) for s, _ in ranges):
            raise RangeNotSatisfiable(file_size)
        if any(s > e for s, e in ranges):
            raise MalformedRangeHeader("Range header: start must be less than end")
        if len(ranges) == 1:
            return ranges
        merged = []
        for s, e in ranges:
            for i, (ms, me) in enumerate(merged):
                if s > me:
                    continue
                if e < ms:
                    merged.insert(i, (s, e))
                else:
                    merged[i] = (min(s, ms), max(e, me))
                break
            else:
                merged.append((s, e))
        return merged

    def generate_multipart(self, ranges, boundary, max_size, content_type):
        static = 44 + len(boundary) + len(content_type) + len(str(max_size))
        length = sum(len(str(s)) + len(str(e - 1)) + static + (e - s) for s, e in ranges) + 5 + len(boundary)

        def header(start, end):
            return ("--%s\nContent-Type: %s\nContent-Range: bytes %d-%d/%d\n\n"
                    % (boundary, content_type, start, end - 1, max_size)).encode("latin-1")

        return length, header


# ---------------------------------------------------------------------------
# fastapi.sse


class EventSourceResponse(StreamingResponse):
    """A StreamingResponse with the text/event-stream media type."""

    media_type = "text/event-stream"


def _sse_lines(value):
    return value.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def format_sse_event(*, data_str=None, event=None, id=None, retry=None, comment=None):
    """One event in the SSE wire format, ending with a blank line."""
    lines = []
    if comment is not None:
        lines += [": " + line for line in _sse_lines(comment)]
    if event is not None:
        lines.append("event: %s" % (event,))
    if data_str is not None:
        lines += ["data: " + line for line in _sse_lines(data_str)]
    if id is not None:
        lines.append("id: %s" % (id,))
    if retry is not None:
        lines.append("retry: %s" % (retry,))
    lines += ["", ""]
    return "\n".join(lines).encode("utf-8")


KEEPALIVE_COMMENT = b": ping\n\n"


def _server_sent_event():
    """fastapi.sse.ServerSentEvent: a pydantic model with FastAPI's field checks."""
    from pydantic import AfterValidator, BaseModel, Field, model_validator

    def single_line(name):
        def check(v):
            if v is not None and ("\r" in v or "\n" in v):
                raise ValueError("SSE '%s' must be a single line" % (name,))
            return v

        return check

    def check_id(v):
        if v is not None and "\0" in v:
            raise ValueError("SSE 'id' must not contain null characters")
        return single_line("id")(v)

    class ServerSentEvent(BaseModel):
        data: typing.Any = None
        raw_data: typing.Optional[str] = None
        event: typing.Annotated[typing.Optional[str], AfterValidator(single_line("event"))] = None
        id: typing.Annotated[typing.Optional[str], AfterValidator(check_id)] = None
        retry: typing.Annotated[typing.Optional[int], Field(ge=0)] = None
        comment: typing.Optional[str] = None

        @model_validator(mode="after")
        def _check_data_exclusive(self):
            if self.data is not None and self.raw_data is not None:
                raise ValueError("Cannot set both 'data' and 'raw_data' on the same ServerSentEvent. "
                                 "Use 'data' for JSON-serialized payloads or 'raw_data' for "
                                 "pre-formatted strings.")
            return self

    ServerSentEvent.__module__ = "fastapi.sse"
    ServerSentEvent.__qualname__ = "ServerSentEvent"
    return ServerSentEvent


_server_sent_event = functools.lru_cache(maxsize=None)(_server_sent_event)


# ---------------------------------------------------------------------------
# fastapi.encoders


def _decimal_encoder(value):
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return int(value)
    return float(value)


def _isoformat(value):
    return value.isoformat()


class _NoSuchType:
    """Stands for an optional type that is not installed: nothing is an instance of it."""


def _encoder_table():
    """FastAPI's ENCODERS_BY_TYPE: exact types first, then isinstance in this group order."""
    from pydantic.networks import AnyUrl, NameEmail
    from pydantic.types import SecretBytes, SecretStr
    from pydantic_core import Url

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            from pydantic.color import Color
        except ImportError:
            Color = _NoSuchType
    try:
        from pydantic_extra_types.color import Color as ExtraColor
    except ImportError:
        ExtraColor = _NoSuchType
    by_type = [
        (bytes, lambda o: o.decode()), (Color, str), (ExtraColor, str),
        (datetime.date, _isoformat), (datetime.datetime, _isoformat), (datetime.time, _isoformat),
        (datetime.timedelta, lambda td: td.total_seconds()), (decimal.Decimal, _decimal_encoder),
        (enum.Enum, lambda o: o.value), (frozenset, list), (collections.deque, list),
        (types.GeneratorType, list),
        (ipaddress.IPv4Address, str), (ipaddress.IPv4Interface, str), (ipaddress.IPv4Network, str),
        (ipaddress.IPv6Address, str), (ipaddress.IPv6Interface, str), (ipaddress.IPv6Network, str),
        (NameEmail, str), (pathlib.Path, str), (re.Pattern, lambda o: o.pattern),
        (SecretBytes, str), (SecretStr, str), (set, list), (uuid.UUID, str), (Url, str), (AnyUrl, str),
    ]
    exact = {}
    groups = {}
    for t, enc in by_type:
        exact[t] = enc
        groups.setdefault(enc, ())
        groups[enc] += (t,)
    return exact, list(groups.items())


_encoders = functools.lru_cache(maxsize=None)(_encoder_table)


def _is_pydantic_v1_model(obj):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            from pydantic import v1
    except ImportError:
        return False
    return isinstance(obj, v1.BaseModel)


def jsonable_encoder(obj, include=None, exclude=None, by_alias=True, exclude_unset=False,
                     exclude_defaults=False, exclude_none=False, custom_encoder=None, sqlalchemy_safe=True):
    """fastapi.encoders.jsonable_encoder: obj converted to JSON-compatible Python values."""
    from pydantic import BaseModel
    from pydantic_core import PydanticUndefinedType

    custom_encoder = custom_encoder or {}
    if custom_encoder:
        if type(obj) in custom_encoder:
            return custom_encoder[type(obj)](obj)
        for t, enc in custom_encoder.items():
            if isinstance(obj, t):
                return enc(obj)
    if include is not None and not isinstance(include, (set, dict)):
        include = set(include)
    if exclude is not None and not isinstance(exclude, (set, dict)):
        exclude = set(exclude)
    opts = dict(by_alias=by_alias, exclude_unset=exclude_unset, exclude_defaults=exclude_defaults,
                exclude_none=exclude_none, custom_encoder=custom_encoder, sqlalchemy_safe=sqlalchemy_safe)
    if isinstance(obj, BaseModel):
        data = obj.model_dump(mode="json", include=include, exclude=exclude, by_alias=by_alias,
                              exclude_unset=exclude_unset, exclude_none=exclude_none,
                              exclude_defaults=exclude_defaults)
        return jsonable_encoder(data, exclude_none=exclude_none, exclude_defaults=exclude_defaults,
                                sqlalchemy_safe=sqlalchemy_safe)
    if dataclasses.is_dataclass(obj):
        assert not isinstance(obj, type)
        return jsonable_encoder(dataclasses.asdict(obj), include=include, exclude=exclude, **opts)
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, pathlib.PurePath):
        return str(obj)
    if isinstance(obj, (str, int, float, type(None))):
        return obj
    if isinstance(obj, PydanticUndefinedType):
        return None
    if isinstance(obj, dict):
        allowed = set(obj.keys())
        if include is not None:
            allowed &= set(include)
        if exclude is not None:
            allowed -= set(exclude)
        out = {}
        for key, value in obj.items():
            if sqlalchemy_safe and isinstance(key, str) and key.startswith("_sa"):
                continue
            if (value is None and exclude_none) or key not in allowed:
                continue
            out[jsonable_encoder(key, **opts)] = jsonable_encoder(value, **opts)
        return out
    if isinstance(obj, (list, set, frozenset, types.GeneratorType, tuple, collections.deque)):
        return [jsonable_encoder(item, include=include, exclude=exclude, **opts) for item in obj]
    exact, groups = _encoders()
    if type(obj) in exact:
        return exact[type(obj)](obj)
    for enc, classes in groups:
        if isinstance(obj, classes):
            return enc(obj)
    if _is_pydantic_v1_model(obj):
        raise PydanticV1NotSupportedError(
            "pydantic.v1 models are no longer supported by FastAPI. Please update the model %r." % (obj,))
    try:
        data = dict(obj)
    except Exception as e:
        errors = [e]
        try:
            data = vars(obj)
        except Exception as e2:
            errors.append(e2)
            raise ValueError(errors) from e2
    return jsonable_encoder(data, include=include, exclude=exclude, **opts)


# ---------------------------------------------------------------------------
# fastapi.exception_handlers


def _body_allowed(status_code):
    return not (status_code < 200 or status_code in {204, 205, 304})


async def http_exception_handler(request, exc):
    headers = getattr(exc, "headers", None)
    if not _body_allowed(int(exc.status_code)):
        return Response(status_code=exc.status_code, headers=headers)
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)


async def request_validation_exception_handler(request, exc):
    return JSONResponse(status_code=422, content={"detail": jsonable_encoder(exc.errors())})


async def websocket_request_validation_exception_handler(websocket, exc):
    await websocket.close(code=1008, reason=jsonable_encoder(exc.errors()))


# ---------------------------------------------------------------------------
# fastapi.FastAPI, fastapi.APIRouter


_PARAM = re.compile(r"{([a-zA-Z_][a-zA-Z0-9_]*)(:[a-zA-Z_][a-zA-Z0-9_]*)?}")


class NoMatchFound(Exception):
    def __init__(self, name, path_params):
        params = ", ".join(list(path_params.keys()))
        super().__init__('No route exists for name "%s" and params "%s".' % (name, params))


def _str_to_string(value):
    value = str(value)
    assert "/" not in value, "May not contain path separators"
    assert value, "Must not be empty"
    return value


def _int_to_string(value):
    value = int(value)
    assert value >= 0, "Negative integers are not supported"
    return str(value)


def _float_to_string(value):
    value = float(value)
    assert value >= 0.0, "Negative floats are not supported"
    assert not math.isnan(value), "NaN values are not supported"
    assert not math.isinf(value), "Infinite values are not supported"
    return ("%0.20f" % value).rstrip("0").rstrip(".")


_TO_STRING = {"str": _str_to_string, "path": str, "int": _int_to_string, "float": _float_to_string,
              "uuid": str}


def _compile_path(path):
    """(path format, {param: to_string}) of a route path with {name} / {name:convertor}."""
    to_string = {}
    for m in _PARAM.finditer(path):
        conv = (m.group(2) or ":str")[1:]
        assert conv in _TO_STRING, "Unknown path convertor '%s'" % (conv,)
        to_string[m.group(1)] = _TO_STRING[conv]
    return _PARAM.sub(lambda m: "{" + m.group(1) + "}", path), to_string


def _replace_params(path, to_string, params):
    """Fills path's {param}s from params (removing them); returns the path and the rest."""
    for key, value in list(params.items()):
        if "{" + key + "}" in path:
            path = path.replace("{" + key + "}", to_string[key](value))
            params.pop(key)
    return path, params


class _Route:
    """A route as url_path_for needs it: its name, path format and parameter convertors;
    for a Starlette route (add_route, route()), its methods."""

    def __init__(self, path, name, methods=None):
        self.path = path
        self.name = name
        self.path_format, self.to_string = _compile_path(path)
        if methods is not None:
            self.methods = methods

    def url_path_for(self, name, /, **params):
        if name != self.name or set(params) != set(self.to_string):
            raise NoMatchFound(name, params)
        path, rest = _replace_params(self.path_format, self.to_string, params)
        assert not rest
        return URLPath(path=path, protocol="http")


class _Mount:
    """app.mount(path, app, name): url_path_for(name, path=...) and name:child lookups."""

    def __init__(self, path, app=None, name=None):
        self.path = path.rstrip("/")
        self.app = app
        self.name = name
        self.path_format, self.to_string = _compile_path(self.path + "/{path:path}")

    @property
    def routes(self):
        return getattr(self.app, "routes", [])

    def url_path_for(self, name, /, **params):
        if self.name is not None and name == self.name and "path" in params:
            params["path"] = params["path"].lstrip("/")
            path, rest = _replace_params(self.path_format, self.to_string, params)
            if not rest:
                return URLPath(path=path)
        elif self.name is None or name.startswith(self.name + ":"):
            child = name if self.name is None else name[len(self.name) + 1:]
            path_kwarg = params.get("path")
            params["path"] = ""
            prefix, rest = _replace_params(self.path_format, self.to_string, params)
            if path_kwarg is not None:
                rest["path"] = path_kwarg
            for route in self.routes or []:
                try:
                    url = route.url_path_for(child, **rest)
                except NoMatchFound:
                    continue
                return URLPath(path=prefix.rstrip("/") + str(url), protocol=url.protocol)
        raise NoMatchFound(name, params)


class _App:
    """FastAPI / APIRouter: route decorators record (path, name) and return the function."""

    def __init__(self, *args, prefix="", dependencies=None, **kwargs):
        self.args = args
        self.kwargs = kwargs
        self.prefix = prefix
        self.dependencies = list(dependencies or [])
        self.routes = []
        self.dependency_overrides = {}
        self.user_middleware = []
        # Starlette's router: the lifespan function, else the startup / shutdown handlers.
        self.lifespan = kwargs.get("lifespan")
        self.on_startup = list(kwargs.get("on_startup") or [])
        self.on_shutdown = list(kwargs.get("on_shutdown") or [])

    def api_route(self, path, *args, methods=None, name=None, dependencies=None, **kwargs):
        def deco(fn):
            self.add_api_route(path, fn, methods=methods, name=name, dependencies=dependencies)
            return fn

        return deco

    def get(self, path, *args, **kwargs):
        return self.api_route(path, methods=["GET"], **kwargs)

    def put(self, path, *args, **kwargs):
        return self.api_route(path, methods=["PUT"], **kwargs)

    def post(self, path, *args, **kwargs):
        return self.api_route(path, methods=["POST"], **kwargs)

    def delete(self, path, *args, **kwargs):
        return self.api_route(path, methods=["DELETE"], **kwargs)

    def patch(self, path, *args, **kwargs):
        return self.api_route(path, methods=["PATCH"], **kwargs)

    def options(self, path, *args, **kwargs):
        return self.api_route(path, methods=["OPTIONS"], **kwargs)

    def head(self, path, *args, **kwargs):
        return self.api_route(path, methods=["HEAD"], **kwargs)

    def trace(self, path, *args, **kwargs):
        return self.api_route(path, methods=["TRACE"], **kwargs)

    def route(self, path, methods=None, name=None, include_in_schema=True):
        def deco(fn):
            self.add_route(path, fn, methods=methods, name=name)
            return fn

        return deco

    def _passthrough(self, *args, **kwargs):
        def deco(fn):
            return fn

        return deco

    websocket = websocket_route = middleware = _passthrough

    def on_event(self, event_type):
        def deco(fn):
            self.add_event_handler(event_type, fn)
            return fn

        return deco

    def lifespan_context(self, app):
        """router.lifespan_context(app): an async context manager running the app's
        lifespan as Starlette's router does."""
        return _Lifespan(self, app)

    def add_api_route(self, path, endpoint, *args, methods=None, name=None, dependencies=None, **kwargs):
        # FastAPI: the router's dependencies, then the route's.
        self.routes.append(APIRoute(self.prefix + path, endpoint, name=name, methods=methods,
                                    dependencies=[*self.dependencies, *(dependencies or [])]))

    def add_route(self, path, endpoint, methods=None, name=None, include_in_schema=True):
        # Starlette's Route: GET (and HEAD) unless methods are given; HEAD joins GET.
        ms = {m.upper() for m in methods} if methods is not None else {"GET"}
        if "GET" in ms:
            ms.add("HEAD")
        self.routes.append(_Route(self.prefix + path, _route_name(endpoint) if name is None else name, ms))

    def add_api_websocket_route(self, *args, **kwargs):
        pass

    def include_router(self, router, *args, prefix="", dependencies=None, **kwargs):
        # FastAPI 0.141 keeps the included router as one entry of the routes, expanded when
        # matched (iter_route_contexts): routes added to it later are included too.
        self.routes.append(_IncludedRouter(router, self.prefix + prefix,
                                           [*self.dependencies, *(dependencies or [])]))
        # FastAPI adds the router's event handlers to the including router's.
        for h in getattr(router, "on_startup", ()):
            self.add_event_handler("startup", h)
        for h in getattr(router, "on_shutdown", ()):
            self.add_event_handler("shutdown", h)

    def add_middleware(self, *args, **kwargs):
        pass

    def add_event_handler(self, event_type, func):
        if event_type == "startup":
            self.on_startup.append(func)
        elif event_type == "shutdown":
            self.on_shutdown.append(func)

    def mount(self, path, app=None, name=None):
        self.routes.append(_Mount(path, app=app, name=name))

    def url_path_for(self, name, /, **path_params):
        for r in self.routes:
            try:
                return r.url_path_for(name, **path_params)
            except NoMatchFound:
                pass
        raise NoMatchFound(name, path_params)

    def openapi(self):
        return {}


class _Lifespan:
    """Starlette's lifespan of a router: its lifespan function (an async context manager
    factory, or an async or sync generator function, which Starlette wraps), else its
    startup handlers in order on enter and its shutdown handlers on exit."""

    def __init__(self, router, app):
        self.router, self.app, self.cm = router, app, None

    async def __aenter__(self):
        fn = self.router.lifespan
        if fn is not None:
            if inspect.isasyncgenfunction(fn):
                fn = contextlib.asynccontextmanager(fn)
            elif inspect.isgeneratorfunction(fn):
                sync = contextlib.contextmanager(fn)
                fn = lambda app: _SyncCM(sync(app))  # noqa: E731
            self.cm = fn(self.app)
            return await self.cm.__aenter__()
        for h in self.router.on_startup:
            r = h()
            if inspect.isawaitable(r):
                await r
        return None

    async def __aexit__(self, *exc):
        if self.cm is not None:
            return await self.cm.__aexit__(*exc)
        for h in self.router.on_shutdown:
            r = h()
            if inspect.isawaitable(r):
                await r
        return None


class _SyncCM:
    def __init__(self, cm):
        self.cm = cm

    async def __aenter__(self):
        return self.cm.__enter__()

    async def __aexit__(self, *exc):
        return self.cm.__exit__(*exc)


def _route_name(endpoint):
    """starlette.routing.get_name: a route's default name."""
    return getattr(endpoint, "__name__", endpoint.__class__.__name__)


class APIRoute(_Route):
    """fastapi.routing.APIRoute as the bridge reads it: path (router prefixes included),
    endpoint, name, methods, dependencies (the Depends of dependencies=: the routers',
    outermost first, then the route's) and dependant, the tree FastAPI builds from them
    and the endpoint's signature (built on first use)."""

    def __init__(self, path, endpoint, *, name=None, methods=None, dependencies=None, **kwargs):
        super().__init__(path, _route_name(endpoint) if name is None else name)
        self.endpoint = endpoint
        self.methods = {m.upper() for m in methods} if methods else {"GET"}
        self.dependencies = list(dependencies or [])
        self._dependant = None

    @property
    def dependant(self):
        if self._dependant is None:
            d = _get_dependant(self.endpoint)
            d.dependencies[0:0] = [_get_dependant(dep.dependency) for dep in self.dependencies]
            self._dependant = d
        return self._dependant


class _IncludedRouter:
    """app.include_router(router, prefix=, dependencies=): one entry of the including
    router's routes; its routes are the included router's as they are when used, with the
    prefix and the dependencies prepended (nested inclusions combined)."""

    def __init__(self, router, prefix, dependencies):
        self.router = router
        self.prefix = prefix
        self.dependencies = dependencies

    def contexts(self):
        for r in getattr(self.router, "routes", []):
            if isinstance(r, _IncludedRouter):
                yield from _IncludedRouter(r.router, self.prefix + r.prefix,
                                           [*self.dependencies, *r.dependencies]).contexts()
            elif isinstance(r, APIRoute):
                yield APIRoute(self.prefix + r.path, r.endpoint, name=r.name, methods=r.methods,
                               dependencies=[*self.dependencies, *r.dependencies])
            elif type(r) is _Route:
                yield _Route(self.prefix + r.path, r.name, getattr(r, "methods", None))

    def url_path_for(self, name, /, **params):
        for r in self.contexts():
            try:
                return r.url_path_for(name, **params)
            except NoMatchFound:
                pass
        raise NoMatchFound(name, params)


def iter_route_contexts(routes):
    """fastapi.routing.iter_route_contexts: routes with the included routers expanded."""
    for r in routes:
        if isinstance(r, _IncludedRouter):
            yield from r.contexts()
        else:
            yield r


class _Dependant:
    """fastapi.dependencies.models.Dependant as the bridge reads it: the callable, the
    parameter it fills, and its sub-dependants in FastAPI's order."""

    def __init__(self, call, name=None):
        self.call = call
        self.name = name
        self.dependencies = []


def _get_dependant(call, name=None):
    """FastAPI's get_dependant, as far as the dependency tree goes: a sub-dependant for
    each parameter with a Depends (as its default, or the last FastAPI marker of its
    Annotated metadata), in signature order; Depends() without a dependency depends on
    the parameter's type."""
    d = _Dependant(call, name)
    if isinstance(call, _Security):
        return d  # FastAPI's security classes take only the Request
    try:
        sig = inspect.signature(call, eval_str=True)
    except NameError:
        sig = inspect.signature(call)
    for pname, p in sig.parameters.items():
        dep = _param_depends(p.annotation, p.default)
        if dep is not None:
            d.dependencies.append(_get_dependant(dep, pname))
    return d


def _param_depends(annotation, default):
    """The dependency a parameter declares (FastAPI's analyze_param), or None."""
    if type(annotation).__name__ == "TypeAliasType" and hasattr(annotation, "__value__"):
        annotation = annotation.__value__
    type_annotation = typing.Any if annotation is inspect.Parameter.empty else annotation
    depends = None
    if typing.get_origin(annotation) is typing.Annotated:
        args = typing.get_args(annotation)
        type_annotation = args[0]
        markers = [a for a in args[1:] if isinstance(a, (_Param, DependsParam))]
        if markers and isinstance(markers[-1], DependsParam):
            depends = markers[-1]
    if isinstance(default, DependsParam):
        depends = default
    if depends is None:
        return None
    return type_annotation if depends.dependency is None else depends.dependency


class FastAPI(_App):
    def __init__(self, *args, debug=False, exception_handlers=None, openapi_url="/openapi.json", docs_url="/docs",
                 redoc_url="/redoc", swagger_ui_oauth2_redirect_url="/docs/oauth2-redirect", **kwargs):
        super().__init__(*args, **kwargs)
        # the documentation routes FastAPI adds first (their names, for url_for)
        if openapi_url:
            self.routes.append(_Route(openapi_url, "openapi"))
            if docs_url:
                self.routes.append(_Route(docs_url, "swagger_ui_html"))
                if swagger_ui_oauth2_redirect_url:
                    self.routes.append(_Route(swagger_ui_oauth2_redirect_url, "swagger_ui_redirect"))
            if redoc_url:
                self.routes.append(_Route(redoc_url, "redoc_html"))
        self.debug = debug
        self.router = self  # app.router.routes / url_path_for / add_api_route work on the app itself
        self.webhooks = APIRouter()
        self.state = State()
        self.exception_handlers = {} if exception_handlers is None else dict(exception_handlers)
        self.exception_handlers.setdefault(StarletteHTTPException, http_exception_handler)
        self.exception_handlers.setdefault(RequestValidationError, request_validation_exception_handler)
        self.exception_handlers.setdefault(WebSocketRequestValidationError,
                                           websocket_request_validation_exception_handler)

    def add_exception_handler(self, exc_class_or_status_code, handler):
        self.exception_handlers[exc_class_or_status_code] = handler

    def exception_handler(self, exc_class_or_status_code):
        def deco(fn):
            self.add_exception_handler(exc_class_or_status_code, fn)
            return fn

        return deco


class APIRouter(_App):
    pass


# ---------------------------------------------------------------------------
# fastapi.params, fastapi.param_functions: markers that record their arguments


class _Param:
    """Query(), Path(), Body()...: the default and the options, recorded."""

    def __init__(self, default=..., *args, **kwargs):
        self.default = default
        self.args = args
        self.kwargs = kwargs

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.default)


class QueryParam(_Param):
    pass


class PathParam(_Param):
    pass


class HeaderParam(_Param):
    pass


class CookieParam(_Param):
    pass


class BodyParam(_Param):
    pass


class FormParam(BodyParam):
    pass


class FileParam(FormParam):
    pass


def Query(default=..., *args, **kwargs):
    return QueryParam(default, *args, **kwargs)


def Path(default=..., *args, **kwargs):
    return PathParam(default, *args, **kwargs)


def Header(default=..., *args, **kwargs):
    return HeaderParam(default, *args, **kwargs)


def Cookie(default=..., *args, **kwargs):
    return CookieParam(default, *args, **kwargs)


def Body(default=..., *args, **kwargs):
    return BodyParam(default, *args, **kwargs)


def Form(default=..., *args, **kwargs):
    return FormParam(default, *args, **kwargs)


def File(default=..., *args, **kwargs):
    return FileParam(default, *args, **kwargs)


class DependsParam:
    def __init__(self, dependency=None, *, use_cache=True, scopes=None, **kwargs):
        self.dependency = dependency
        self.use_cache = use_cache
        self.scopes = list(scopes or [])

    def __repr__(self):
        return "Depends(%r)" % (self.dependency,)


def Depends(dependency=None, *, use_cache=True, **kwargs):
    return DependsParam(dependency, use_cache=use_cache, **kwargs)


def Security(dependency=None, *, scopes=None, use_cache=True, **kwargs):
    return DependsParam(dependency, scopes=scopes, use_cache=use_cache)


# ---------------------------------------------------------------------------
# middleware, static files, security: constructed with their options, never run here


class _Middleware:
    def __init__(self, app=None, *args, **kwargs):
        self.app = app
        self.args = args
        self.kwargs = kwargs


class CORSMiddleware(_Middleware):
    pass


class GZipMiddleware(_Middleware):
    pass


class TrustedHostMiddleware(_Middleware):
    pass


class HTTPSRedirectMiddleware(_Middleware):
    pass


class BaseHTTPMiddleware(_Middleware):
    pass


class Middleware(_Middleware):
    pass


class StaticFiles:
    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs


class _Security:
    """fastapi.security classes: constructed with their options; never called here."""

    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs
        self.scheme_name = kwargs.get("scheme_name") or type(self).__name__
        self.auto_error = kwargs.get("auto_error", True)


_SECURITY_NAMES = [
    "APIKeyCookie", "APIKeyHeader", "APIKeyQuery", "HTTPBasic", "HTTPBearer", "HTTPDigest",
    "OAuth2", "OAuth2AuthorizationCodeBearer", "OAuth2PasswordBearer", "OpenIdConnect",
]
_SECURITY = {n: type(n, (_Security,), {"__module__": "fastapi.security"}) for n in _SECURITY_NAMES}


class SecurityScopes:
    def __init__(self, scopes=None):
        self.scopes = list(scopes or [])
        self.scope_str = " ".join(self.scopes)


class OAuth2PasswordRequestForm:
    def __init__(self, *, grant_type=None, username, password, scope="", client_id=None, client_secret=None):
        self.grant_type = grant_type
        self.username = username
        self.password = password
        self.scopes = scope.split()
        self.client_id = client_id
        self.client_secret = client_secret


class OAuth2PasswordRequestFormStrict(OAuth2PasswordRequestForm):
    pass


def _credentials():
    from pydantic import BaseModel

    class HTTPBasicCredentials(BaseModel):
        username: str
        password: str

    class HTTPAuthorizationCredentials(BaseModel):
        scheme: str
        credentials: str

    for cls in (HTTPBasicCredentials, HTTPAuthorizationCredentials):
        cls.__module__ = "fastapi.security.http"
        cls.__qualname__ = cls.__name__
    return HTTPBasicCredentials, HTTPAuthorizationCredentials


_credentials = functools.lru_cache(maxsize=None)(_credentials)


# ---------------------------------------------------------------------------
# starlette.status: exactly Starlette 0.47.3's names


_STATUS = """
100 CONTINUE; 101 SWITCHING_PROTOCOLS; 102 PROCESSING; 103 EARLY_HINTS; 200 OK; 201 CREATED;
202 ACCEPTED; 203 NON_AUTHORITATIVE_INFORMATION; 204 NO_CONTENT; 205 RESET_CONTENT;
206 PARTIAL_CONTENT; 207 MULTI_STATUS; 208 ALREADY_REPORTED; 226 IM_USED; 300 MULTIPLE_CHOICES;
301 MOVED_PERMANENTLY; 302 FOUND; 303 SEE_OTHER; 304 NOT_MODIFIED; 305 USE_PROXY; 306 RESERVED;
307 TEMPORARY_REDIRECT; 308 PERMANENT_REDIRECT; 400 BAD_REQUEST; 401 UNAUTHORIZED;
402 PAYMENT_REQUIRED; 403 FORBIDDEN; 404 NOT_FOUND; 405 METHOD_NOT_ALLOWED; 406 NOT_ACCEPTABLE;
407 PROXY_AUTHENTICATION_REQUIRED; 408 REQUEST_TIMEOUT; 409 CONFLICT; 410 GONE; 411 LENGTH_REQUIRED;
412 PRECONDITION_FAILED; 413 REQUEST_ENTITY_TOO_LARGE; 414 REQUEST_URI_TOO_LONG;
415 UNSUPPORTED_MEDIA_TYPE; 416 REQUESTED_RANGE_NOT_SATISFIABLE; 417 EXPECTATION_FAILED;
418 IM_A_TEAPOT; 421 MISDIRECTED_REQUEST; 422 UNPROCESSABLE_ENTITY; 423 LOCKED; 424 FAILED_DEPENDENCY;
425 TOO_EARLY; 426 UPGRADE_REQUIRED; 428 PRECONDITION_REQUIRED; 429 TOO_MANY_REQUESTS;
431 REQUEST_HEADER_FIELDS_TOO_LARGE; 451 UNAVAILABLE_FOR_LEGAL_REASONS; 500 INTERNAL_SERVER_ERROR;
501 NOT_IMPLEMENTED; 502 BAD_GATEWAY; 503 SERVICE_UNAVAILABLE; 504 GATEWAY_TIMEOUT;
505 HTTP_VERSION_NOT_SUPPORTED; 506 VARIANT_ALSO_NEGOTIATES; 507 INSUFFICIENT_STORAGE;
508 LOOP_DETECTED; 510 NOT_EXTENDED; 511 NETWORK_AUTHENTICATION_REQUIRED;
1000 NORMAL_CLOSURE; 1001 GOING_AWAY; 1002 PROTOCOL_ERROR; 1003 UNSUPPORTED_DATA; 1005 NO_STATUS_RCVD;
1006 ABNORMAL_CLOSURE; 1007 INVALID_FRAME_PAYLOAD_DATA; 1008 POLICY_VIOLATION; 1009 MESSAGE_TOO_BIG;
1010 MANDATORY_EXT; 1011 INTERNAL_ERROR; 1012 SERVICE_RESTART; 1013 TRY_AGAIN_LATER; 1014 BAD_GATEWAY;
1015 TLS_HANDSHAKE
"""


def _status_names():
    names = {}
    for item in _STATUS.split(";"):
        code, name = item.split()
        names["%s_%s_%s" % ("WS" if len(code) == 4 else "HTTP", code, name)] = int(code)
    return names


# ---------------------------------------------------------------------------
# the modules


def _home(module, *objs):
    for o in objs:
        o.__module__ = module


_home("starlette.datastructures", Address, URL, URLPath, ImmutableMultiDict, MultiDict, QueryParams, Headers,
      MutableHeaders, State, UploadFile, FormData)
_home("fastapi.datastructures", FastAPIUploadFile)
_home("starlette.background", BackgroundTask, BackgroundTasks)
_home("fastapi.background", FastAPIBackgroundTasks)
_home("starlette.exceptions", StarletteHTTPException, StarletteWebSocketException)
_home("fastapi.exceptions", HTTPException, WebSocketException, FastAPIError, DependencyScopeError,
      PydanticV1NotSupportedError, FastAPIDeprecationWarning, ValidationException, RequestValidationError,
      WebSocketRequestValidationError, ResponseValidationError)
_home("starlette.requests", HTTPConnection, Request, ClientDisconnect, cookie_parser, empty_receive, empty_send)
_home("starlette.websockets", WebSocket, WebSocketDisconnect, WebSocketState, WebSocketClose)
_home("starlette.responses", Response, HTMLResponse, PlainTextResponse, JSONResponse, RedirectResponse,
      StreamingResponse, FileResponse, MalformedRangeHeader, RangeNotSatisfiable)
_home("fastapi.responses", _UJSONResponse, _ORJSONResponse)
_home("starlette.concurrency", iterate_in_threadpool)
_home("fastapi.encoders", jsonable_encoder)
_home("fastapi.exception_handlers", http_exception_handler, request_validation_exception_handler,
      websocket_request_validation_exception_handler)
_home("fastapi.applications", FastAPI)
_home("fastapi.routing", APIRouter, APIRoute, iter_route_contexts)
_home("fastapi.security.oauth2", OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict)
_home("fastapi.sse", EventSourceResponse, format_sse_event)
_home("fastapi.concurrency", contextmanager_in_threadpool)
_home("starlette.concurrency", run_in_threadpool)
_home("starlette.routing", NoMatchFound)
_home("starlette.formparsers", MultiPartException)
FastAPIUploadFile.__name__ = FastAPIUploadFile.__qualname__ = "UploadFile"
FastAPIBackgroundTasks.__name__ = FastAPIBackgroundTasks.__qualname__ = "BackgroundTasks"
StarletteHTTPException.__name__ = StarletteHTTPException.__qualname__ = "HTTPException"
StarletteWebSocketException.__name__ = StarletteWebSocketException.__qualname__ = "WebSocketException"

_RESPONSES = dict(Response=Response, JSONResponse=JSONResponse, HTMLResponse=HTMLResponse,
                  PlainTextResponse=PlainTextResponse, RedirectResponse=RedirectResponse,
                  StreamingResponse=StreamingResponse, FileResponse=FileResponse)
_PARAMS = dict(Query=Query, Path=Path, Header=Header, Cookie=Cookie, Body=Body, Form=Form, File=File,
               Depends=Depends, Security=Security)
_DATASTRUCTURES = dict(Address=Address, URL=URL, URLPath=URLPath, ImmutableMultiDict=ImmutableMultiDict,
                       MultiDict=MultiDict, QueryParams=QueryParams, Headers=Headers,
                       MutableHeaders=MutableHeaders, State=State, FormData=FormData)
_MIDDLEWARE = {
    "cors": dict(CORSMiddleware=CORSMiddleware), "gzip": dict(GZipMiddleware=GZipMiddleware),
    "trustedhost": dict(TrustedHostMiddleware=TrustedHostMiddleware),
    "httpsredirect": dict(HTTPSRedirectMiddleware=HTTPSRedirectMiddleware),
}


def _contents(name):
    """The attributes of stand-in module name."""
    if name == "starlette.status":
        return _status_names()
    if name.startswith("fastapi.security"):
        out = dict(SecurityScopes=SecurityScopes, OAuth2PasswordRequestForm=OAuth2PasswordRequestForm,
                   OAuth2PasswordRequestFormStrict=OAuth2PasswordRequestFormStrict, **_SECURITY)
        if name in ("fastapi.security", "fastapi.security.http"):
            basic, auth = _credentials()
            out.update(HTTPBasicCredentials=basic, HTTPAuthorizationCredentials=auth)
        return out
    for prefix in ("fastapi.middleware.", "starlette.middleware."):
        if name.startswith(prefix) and name[len(prefix):] in _MIDDLEWARE:
            return _MIDDLEWARE[name[len(prefix):]]
    table = {
        "fastapi": lambda: dict(
            FastAPI=FastAPI, APIRouter=APIRouter, HTTPException=HTTPException,
            WebSocketException=WebSocketException, WebSocketDisconnect=WebSocketDisconnect, Request=Request,
            WebSocket=WebSocket, Response=Response, BackgroundTasks=FastAPIBackgroundTasks,
            UploadFile=FastAPIUploadFile, __version__="0.141.1+covetgen-compat", **_PARAMS),
        "starlette": lambda: dict(__version__="0.47.3+covetgen-compat"),
        "fastapi.params": lambda: dict(_PARAMS, Param=_Param),
        "fastapi.param_functions": lambda: dict(_PARAMS),
        "fastapi.responses": lambda: dict(_RESPONSES, ORJSONResponse=ORJSONResponse,
                                          UJSONResponse=UJSONResponse),
        "starlette.responses": lambda: dict(_RESPONSES, MalformedRangeHeader=MalformedRangeHeader,
                                            RangeNotSatisfiable=RangeNotSatisfiable),
        "fastapi.exceptions": lambda: dict(
            HTTPException=HTTPException, WebSocketException=WebSocketException, FastAPIError=FastAPIError,
            DependencyScopeError=DependencyScopeError, PydanticV1NotSupportedError=PydanticV1NotSupportedError,
            FastAPIDeprecationWarning=FastAPIDeprecationWarning, ValidationException=ValidationException,
            RequestValidationError=RequestValidationError,
            WebSocketRequestValidationError=WebSocketRequestValidationError,
            ResponseValidationError=ResponseValidationError),
        "starlette.exceptions": lambda: dict(HTTPException=StarletteHTTPException,
                                             WebSocketException=StarletteWebSocketException),
        "fastapi.exception_handlers": lambda: dict(
            http_exception_handler=http_exception_handler,
            request_validation_exception_handler=request_validation_exception_handler,
            websocket_request_validation_exception_handler=websocket_request_validation_exception_handler),
        "fastapi.requests": lambda: dict(Request=Request, HTTPConnection=HTTPConnection),
        "starlette.requests": lambda: dict(Request=Request, HTTPConnection=HTTPConnection,
                                           ClientDisconnect=ClientDisconnect, cookie_parser=cookie_parser),
        "fastapi.websockets": lambda: dict(WebSocket=WebSocket, WebSocketDisconnect=WebSocketDisconnect,
                                          WebSocketState=WebSocketState),
        "starlette.websockets": lambda: dict(WebSocket=WebSocket, WebSocketDisconnect=WebSocketDisconnect,
                                            WebSocketState=WebSocketState, WebSocketClose=WebSocketClose),
        "fastapi.background": lambda: dict(BackgroundTasks=FastAPIBackgroundTasks),
        "starlette.background": lambda: dict(BackgroundTasks=BackgroundTasks, BackgroundTask=BackgroundTask),
        "fastapi.datastructures": lambda: dict(_DATASTRUCTURES, UploadFile=FastAPIUploadFile),
        "starlette.datastructures": lambda: dict(_DATASTRUCTURES, UploadFile=UploadFile),
        "starlette.concurrency": lambda: dict(iterate_in_threadpool=iterate_in_threadpool,
                                              run_in_threadpool=run_in_threadpool),
        "fastapi.concurrency": lambda: dict(iterate_in_threadpool=iterate_in_threadpool,
                                            run_in_threadpool=run_in_threadpool,
                                            contextmanager_in_threadpool=contextmanager_in_threadpool,
                                            asynccontextmanager=contextlib.asynccontextmanager),
        "fastapi.sse": lambda: dict(EventSourceResponse=EventSourceResponse, ServerSentEvent=_server_sent_event(),
                                    format_sse_event=format_sse_event, KEEPALIVE_COMMENT=KEEPALIVE_COMMENT),
        "fastapi.encoders": lambda: dict(jsonable_encoder=jsonable_encoder),
        "fastapi.routing": lambda: dict(APIRouter=APIRouter, APIRoute=APIRoute,
                                        iter_route_contexts=iter_route_contexts),
        "fastapi.applications": lambda: dict(FastAPI=FastAPI),
        "starlette.routing": lambda: dict(NoMatchFound=NoMatchFound),
        "starlette.formparsers": lambda: dict(MultiPartException=MultiPartException),
        "fastapi.staticfiles": lambda: dict(StaticFiles=StaticFiles),
        "starlette.staticfiles": lambda: dict(StaticFiles=StaticFiles),
        "starlette.middleware.base": lambda: dict(BaseHTTPMiddleware=BaseHTTPMiddleware),
        "fastapi.middleware": lambda: dict(Middleware=Middleware),
        "starlette.middleware": lambda: dict(Middleware=Middleware),
    }
    return table[name]()


_PACKAGES = {"fastapi", "starlette", "fastapi.middleware", "fastapi.security", "starlette.middleware"}
_NAMES = frozenset({
    "fastapi", "fastapi.params", "fastapi.param_functions", "fastapi.responses",
    "fastapi.exceptions", "fastapi.exception_handlers", "fastapi.requests", "fastapi.websockets",
    "fastapi.background", "fastapi.datastructures", "fastapi.encoders", "fastapi.routing", "fastapi.sse",
    "fastapi.concurrency",
    "fastapi.applications", "fastapi.staticfiles", "fastapi.middleware", "fastapi.middleware.cors",
    "fastapi.middleware.gzip", "fastapi.middleware.trustedhost", "fastapi.middleware.httpsredirect",
    "fastapi.security", "fastapi.security.http", "fastapi.security.oauth2", "fastapi.security.api_key",
    "fastapi.security.open_id_connect_url",
    "starlette", "starlette.status", "starlette.exceptions", "starlette.responses", "starlette.requests",
    "starlette.websockets", "starlette.background", "starlette.datastructures", "starlette.concurrency",
    "starlette.routing", "starlette.formparsers", "starlette.staticfiles", "starlette.middleware",
    "starlette.middleware.cors",
    "starlette.middleware.gzip", "starlette.middleware.trustedhost", "starlette.middleware.httpsredirect",
    "starlette.middleware.base",
})


def _build(name):
    mod = types.ModuleType(name)
    mod.__covetgen_compat__ = True
    if name in _PACKAGES:
        mod.__path__ = []
    for k, v in _contents(name).items():
        setattr(mod, k, v)
    if name == "fastapi":
        # fastapi re-exports starlette's status module (there is no fastapi.status module)
        mod.status = importlib.import_module("starlette.status")
    return mod


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves the stand-in modules named in names."""

    def __init__(self, names):
        self.names = frozenset(names)

    def find_spec(self, fullname, path=None, target=None):
        if fullname in self.names:
            return importlib.machinery.ModuleSpec(fullname, self, is_package=fullname in _PACKAGES)
        return None

    def create_module(self, spec):
        return _build(spec.name)

    def exec_module(self, module):
        pass


def install():
    """Install the stand-ins unless the real fastapi can be imported. Returns whether
    they were installed."""
    if importlib.util.find_spec("fastapi") is not None:
        return False
    names = _NAMES
    if importlib.util.find_spec("starlette") is not None:
        names = {n for n in _NAMES if not n.startswith("starlette")}
    sys.meta_path.insert(0, _Finder(names))
    return True
