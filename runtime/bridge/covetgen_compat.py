"""covetgen bridge: stand-ins for fastapi/starlette when they are not installed.

Generated Go services do the routing, validation and serialization; the app's module is
only imported so that handler bodies can run. Where FastAPI is absent, install() serves
the names apps import from fastapi, fastapi.*, and starlette.* as small stand-ins:
route decorators return the function unchanged, parameter markers record their
arguments, HTTPException is a real exception carrying status_code/detail/headers.
Nothing is installed when the real fastapi package can be found.
"""

import dataclasses
import datetime
import decimal
import enum
import http
import importlib.abc
import importlib.machinery
import importlib.util
import ipaddress
import pathlib
import re
import sys
import types
import uuid

_modules = {}


def _module(name):
    def deco(fn):
        _modules[name] = fn
        return fn

    return deco


def _passthrough_decorator(*args, **kwargs):
    def deco(fn):
        return fn

    return deco


class _App:
    """FastAPI / APIRouter: decorators return the function unchanged."""

    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs
        self.routes = []
        self.state = types.SimpleNamespace()
        self.dependency_overrides = {}
        self.user_middleware = []
        self.exception_handlers = {}

    get = put = post = delete = patch = options = head = trace = api_route = _passthrough_decorator
    websocket = websocket_route = route = on_event = middleware = exception_handler = _passthrough_decorator

    def add_api_route(self, *args, **kwargs):
        pass

    def add_api_websocket_route(self, *args, **kwargs):
        pass

    def add_route(self, *args, **kwargs):
        pass

    def include_router(self, *args, **kwargs):
        pass

    def add_middleware(self, *args, **kwargs):
        pass

    def add_exception_handler(self, *args, **kwargs):
        pass

    def add_event_handler(self, *args, **kwargs):
        pass

    def mount(self, *args, **kwargs):
        pass

    def openapi(self):
        return {}


class FastAPI(_App):
    pass


class APIRouter(_App):
    pass


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


StarletteHTTPException.__name__ = StarletteHTTPException.__qualname__ = "HTTPException"


class HTTPException(StarletteHTTPException):
    pass


class WebSocketException(Exception):
    def __init__(self, code, reason=None):
        self.code = code
        self.reason = reason or ""


class RequestValidationError(ValueError):
    def __init__(self, errors, *, body=None):
        super().__init__(errors)
        self._errors = errors
        self.body = body

    def errors(self):
        return self._errors


class WebSocketDisconnect(Exception):
    def __init__(self, code=1000, reason=None):
        self.code = code
        self.reason = reason or ""


class Request:
    def __init__(self, scope=None, receive=None, send=None):
        self.scope = scope or {}


class WebSocket(Request):
    pass


class HTTPConnection(Request):
    pass


class Response:
    media_type = None
    charset = "utf-8"

    def __init__(self, content=None, status_code=200, headers=None, media_type=None, background=None):
        self.status_code = status_code
        self.body = content
        self.content = content
        if media_type is not None:
            self.media_type = media_type
        self.headers = dict(headers or {})
        self.background = background

    def set_cookie(self, key, value="", **kwargs):
        pass

    def delete_cookie(self, key, **kwargs):
        pass


class JSONResponse(Response):
    media_type = "application/json"


class ORJSONResponse(JSONResponse):
    pass


class UJSONResponse(JSONResponse):
    pass


class HTMLResponse(Response):
    media_type = "text/html"


class PlainTextResponse(Response):
    media_type = "text/plain"


class RedirectResponse(Response):
    def __init__(self, url, status_code=307, headers=None, background=None):
        super().__init__(b"", status_code, headers, None, background)
        self.headers["location"] = str(url)


class StreamingResponse(Response):
    pass


class FileResponse(Response):
    def __init__(self, path, status_code=200, headers=None, media_type=None, background=None, filename=None, **kw):
        super().__init__(None, status_code, headers, media_type, background)
        self.path = path
        self.filename = filename


class BackgroundTasks:
    def __init__(self, tasks=None):
        self.tasks = list(tasks or [])

    def add_task(self, func, *args, **kwargs):
        self.tasks.append((func, args, kwargs))


class BackgroundTask:
    def __init__(self, func, *args, **kwargs):
        self.func, self.args, self.kwargs = func, args, kwargs


class UploadFile:
    def __init__(self, file=None, *, size=None, filename=None, headers=None):
        self.file = file
        self.size = size
        self.filename = filename
        self.headers = headers or {}

    @property
    def content_type(self):
        return self.headers.get("content-type")

    async def read(self, size=-1):
        return self.file.read(size)

    async def write(self, data):
        self.file.write(data)

    async def seek(self, offset):
        self.file.seek(offset)

    async def close(self):
        self.file.close()


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


_security_names = [
    "APIKeyCookie", "APIKeyHeader", "APIKeyQuery", "HTTPBasic", "HTTPBearer", "HTTPDigest",
    "OAuth2", "OAuth2AuthorizationCodeBearer", "OAuth2PasswordBearer", "OpenIdConnect",
]
_security = {n: type(n, (_Security,), {}) for n in _security_names}


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

    return HTTPBasicCredentials, HTTPAuthorizationCredentials


def _status_names():
    names = {}
    for s in http.HTTPStatus:
        names["HTTP_%d_%s" % (s.value, s.name)] = s.value
    extra = {
        "HTTP_306_RESERVED": 306,
        "HTTP_413_REQUEST_ENTITY_TOO_LARGE": 413, "HTTP_413_CONTENT_TOO_LARGE": 413,
        "HTTP_414_REQUEST_URI_TOO_LONG": 414, "HTTP_414_URI_TOO_LONG": 414,
        "HTTP_416_REQUESTED_RANGE_NOT_SATISFIABLE": 416, "HTTP_416_RANGE_NOT_SATISFIABLE": 416,
        "HTTP_418_IM_A_TEAPOT": 418, "HTTP_421_MISDIRECTED_REQUEST": 421,
        "HTTP_422_UNPROCESSABLE_ENTITY": 422, "HTTP_422_UNPROCESSABLE_CONTENT": 422,
        "HTTP_425_TOO_EARLY": 425,
        "WS_1000_NORMAL_CLOSURE": 1000, "WS_1001_GOING_AWAY": 1001, "WS_1002_PROTOCOL_ERROR": 1002,
        "WS_1003_UNSUPPORTED_DATA": 1003, "WS_1005_NO_STATUS_RCVD": 1005, "WS_1006_ABNORMAL_CLOSURE": 1006,
        "WS_1007_INVALID_FRAME_PAYLOAD_DATA": 1007, "WS_1008_POLICY_VIOLATION": 1008,
        "WS_1009_MESSAGE_TOO_BIG": 1009, "WS_1010_MANDATORY_EXT": 1010, "WS_1011_INTERNAL_ERROR": 1011,
        "WS_1012_SERVICE_RESTART": 1012, "WS_1013_TRY_AGAIN_LATER": 1013, "WS_1014_BAD_GATEWAY": 1014,
        "WS_1015_TLS_HANDSHAKE": 1015,
    }
    for k, v in extra.items():
        names.setdefault(k, v)
    return names


def jsonable_encoder(obj, include=None, exclude=None, by_alias=True, exclude_unset=False,
                     exclude_defaults=False, exclude_none=False, custom_encoder=None,
                     sqlalchemy_safe=True):
    """fastapi.encoders.jsonable_encoder for the common types (pydantic v2 models,
    dataclasses, enums, dates, UUIDs, Decimals, paths, bytes, containers)."""
    from pydantic import BaseModel

    if custom_encoder:
        for t, enc in custom_encoder.items():
            if isinstance(obj, t):
                return enc(obj)
    if isinstance(obj, BaseModel):
        data = obj.model_dump(mode="json", include=include, exclude=exclude, by_alias=by_alias,
                              exclude_unset=exclude_unset, exclude_none=exclude_none,
                              exclude_defaults=exclude_defaults)
        return jsonable_encoder(data, exclude_none=exclude_none, exclude_defaults=exclude_defaults,
                                sqlalchemy_safe=sqlalchemy_safe)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return jsonable_encoder(dataclasses.asdict(obj), include=include, exclude=exclude,
                                by_alias=by_alias, exclude_unset=exclude_unset,
                                exclude_defaults=exclude_defaults, exclude_none=exclude_none,
                                sqlalchemy_safe=sqlalchemy_safe)
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, pathlib.PurePath):
        return str(obj)
    if isinstance(obj, (str, int, float, type(None))):
        return obj
    if isinstance(obj, dict):
        out = {}
        allowed = set(obj.keys())
        if include is not None:
            allowed &= set(include)
        if exclude is not None:
            allowed -= set(exclude)
        for k, v in obj.items():
            if (not sqlalchemy_safe or not isinstance(k, str) or not k.startswith("_sa")) and \
                    (v is not None or not exclude_none) and k in allowed:
                out[jsonable_encoder(k, by_alias=by_alias, exclude_unset=exclude_unset,
                                     exclude_none=exclude_none, sqlalchemy_safe=sqlalchemy_safe)] = \
                    jsonable_encoder(v, by_alias=by_alias, exclude_unset=exclude_unset,
                                     exclude_none=exclude_none, sqlalchemy_safe=sqlalchemy_safe)
        return out
    if isinstance(obj, (list, set, frozenset, tuple, types.GeneratorType)):
        return [jsonable_encoder(v, include=include, exclude=exclude, by_alias=by_alias,
                                 exclude_unset=exclude_unset, exclude_defaults=exclude_defaults,
                                 exclude_none=exclude_none, sqlalchemy_safe=sqlalchemy_safe)
                for v in obj]
    if isinstance(obj, bytes):
        return obj.decode()
    if isinstance(obj, (datetime.date, datetime.time)):
        return obj.isoformat()
    if isinstance(obj, datetime.timedelta):
        return obj.total_seconds()
    if isinstance(obj, decimal.Decimal):
        exp = obj.as_tuple().exponent
        if isinstance(exp, int) and exp >= 0:
            return int(obj)
        return float(obj)
    if isinstance(obj, (uuid.UUID, ipaddress.IPv4Address, ipaddress.IPv6Address,
                        ipaddress.IPv4Network, ipaddress.IPv6Network,
                        ipaddress.IPv4Interface, ipaddress.IPv6Interface)):
        return str(obj)
    if isinstance(obj, re.Pattern):
        return obj.pattern
    try:
        data = dict(obj)
    except Exception as e:
        try:
            data = vars(obj)
        except Exception:
            raise ValueError([e]) from e
    return jsonable_encoder(data, include=include, exclude=exclude, by_alias=by_alias,
                            exclude_unset=exclude_unset, exclude_defaults=exclude_defaults,
                            exclude_none=exclude_none, sqlalchemy_safe=sqlalchemy_safe)


def _fill(mod, **names):
    for k, v in names.items():
        setattr(mod, k, v)


def _build(name):
    mod = types.ModuleType(name)
    mod.__covetgen_compat__ = True
    if name in ("fastapi", "starlette", "fastapi.middleware", "fastapi.security", "starlette.middleware"):
        mod.__path__ = []
    basic_creds, auth_creds = _credentials() if name in ("fastapi.security", "fastapi.security.http") else (None, None)
    status = _status_names()
    responses = dict(Response=Response, JSONResponse=JSONResponse, ORJSONResponse=ORJSONResponse,
                     UJSONResponse=UJSONResponse, HTMLResponse=HTMLResponse,
                     PlainTextResponse=PlainTextResponse, RedirectResponse=RedirectResponse,
                     StreamingResponse=StreamingResponse, FileResponse=FileResponse)
    params = dict(Query=Query, Path=Path, Header=Header, Cookie=Cookie, Body=Body, Form=Form,
                  File=File, Depends=Depends, Security=Security)
    if name == "fastapi":
        _fill(mod, FastAPI=FastAPI, APIRouter=APIRouter, HTTPException=HTTPException,
              WebSocketException=WebSocketException, WebSocketDisconnect=WebSocketDisconnect,
              Request=Request, WebSocket=WebSocket, Response=Response, BackgroundTasks=BackgroundTasks,
              UploadFile=UploadFile, __version__="0.0.0+covetgen-compat", **params)
        mod.status = sys.modules.get("fastapi.status") or _load("fastapi.status")
    elif name in ("fastapi.status", "starlette.status"):
        _fill(mod, **status)
    elif name in ("fastapi.param_functions", "fastapi.params"):
        _fill(mod, **params)
    elif name in ("fastapi.responses", "starlette.responses"):
        _fill(mod, **responses)
    elif name in ("fastapi.exceptions",):
        _fill(mod, HTTPException=HTTPException, RequestValidationError=RequestValidationError,
              WebSocketException=WebSocketException)
    elif name == "starlette.exceptions":
        _fill(mod, HTTPException=StarletteHTTPException, WebSocketException=WebSocketException)
    elif name in ("fastapi.requests", "starlette.requests"):
        _fill(mod, Request=Request, HTTPConnection=HTTPConnection)
    elif name in ("fastapi.websockets", "starlette.websockets"):
        _fill(mod, WebSocket=WebSocket, WebSocketDisconnect=WebSocketDisconnect)
    elif name in ("fastapi.background", "starlette.background"):
        _fill(mod, BackgroundTasks=BackgroundTasks, BackgroundTask=BackgroundTask)
    elif name in ("fastapi.datastructures", "starlette.datastructures"):
        _fill(mod, UploadFile=UploadFile)
    elif name == "fastapi.encoders":
        _fill(mod, jsonable_encoder=jsonable_encoder)
    elif name in ("fastapi.routing", "fastapi.applications"):
        _fill(mod, APIRouter=APIRouter, FastAPI=FastAPI)
    elif name in ("fastapi.staticfiles", "starlette.staticfiles"):
        _fill(mod, StaticFiles=StaticFiles)
    elif name in ("fastapi.middleware.cors", "starlette.middleware.cors"):
        _fill(mod, CORSMiddleware=CORSMiddleware)
    elif name in ("fastapi.middleware.gzip", "starlette.middleware.gzip"):
        _fill(mod, GZipMiddleware=GZipMiddleware)
    elif name in ("fastapi.middleware.trustedhost", "starlette.middleware.trustedhost"):
        _fill(mod, TrustedHostMiddleware=TrustedHostMiddleware)
    elif name in ("fastapi.middleware.httpsredirect", "starlette.middleware.httpsredirect"):
        _fill(mod, HTTPSRedirectMiddleware=HTTPSRedirectMiddleware)
    elif name == "starlette.middleware.base":
        _fill(mod, BaseHTTPMiddleware=BaseHTTPMiddleware)
    elif name in ("fastapi.middleware", "starlette.middleware"):
        _fill(mod, Middleware=Middleware)
    elif name.startswith("fastapi.security"):
        _fill(mod, SecurityScopes=SecurityScopes, OAuth2PasswordRequestForm=OAuth2PasswordRequestForm,
              OAuth2PasswordRequestFormStrict=OAuth2PasswordRequestFormStrict, **_security)
        if basic_creds is not None:
            _fill(mod, HTTPBasicCredentials=basic_creds, HTTPAuthorizationCredentials=auth_creds)
    return mod


_NAMES = {
    "fastapi", "fastapi.status", "fastapi.params", "fastapi.param_functions", "fastapi.responses",
    "fastapi.exceptions", "fastapi.requests", "fastapi.websockets", "fastapi.background",
    "fastapi.datastructures", "fastapi.encoders", "fastapi.routing", "fastapi.applications",
    "fastapi.staticfiles", "fastapi.middleware", "fastapi.middleware.cors", "fastapi.middleware.gzip",
    "fastapi.middleware.trustedhost", "fastapi.middleware.httpsredirect", "fastapi.security",
    "fastapi.security.http", "fastapi.security.oauth2", "fastapi.security.api_key",
    "fastapi.security.open_id_connect_url",
    "starlette", "starlette.status", "starlette.exceptions", "starlette.responses", "starlette.requests",
    "starlette.websockets", "starlette.background", "starlette.datastructures", "starlette.staticfiles",
    "starlette.middleware", "starlette.middleware.cors", "starlette.middleware.gzip",
    "starlette.middleware.trustedhost", "starlette.middleware.httpsredirect", "starlette.middleware.base",
}


def _load(name):
    mod = _build(name)
    sys.modules[name] = mod
    return mod


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path=None, target=None):
        if fullname in _NAMES:
            return importlib.machinery.ModuleSpec(fullname, self, is_package=fullname in (
                "fastapi", "starlette", "fastapi.middleware", "fastapi.security", "starlette.middleware"))
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
    if importlib.util.find_spec("starlette") is not None:
        _NAMES.difference_update([n for n in _NAMES if n.startswith("starlette")])
    sys.meta_path.insert(0, _Finder())
    return True
