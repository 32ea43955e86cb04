# The differential tests' oracle: runs each snippet with CPython and reports, for each
# call, repr(result) and FastAPI's path-B encoding of it, or the exception raised.
import datetime
import decimal
import enum
import http
import uuid
import json
import sys
import types

try:
    from fastapi import HTTPException
    from fastapi.encoders import jsonable_encoder
except ImportError:  # no FastAPI here: equivalent stand-ins for what the snippets use
    from pydantic import BaseModel

    class HTTPException(Exception):
        def __init__(self, status_code, detail=None, headers=None):
            if detail is None:
                detail = http.HTTPStatus(status_code).phrase
            self.status_code, self.detail, self.headers = status_code, detail, headers

    def jsonable_encoder(o):
        if isinstance(o, BaseModel):
            return jsonable_encoder(o.model_dump(mode="json", by_alias=True))
        if isinstance(o, (str, int, float, type(None))):
            return o
        if isinstance(o, dict):
            return {jsonable_encoder(k): jsonable_encoder(v) for k, v in o.items()
                    if not (isinstance(k, str) and k.startswith("_sa"))}
        if isinstance(o, (list, tuple)):
            return [jsonable_encoder(x) for x in o]
        if isinstance(o, bytes):
            return o.decode()
        try:  # an object: dict(o), else vars(o), as FastAPI does
            data = dict(o)
        except Exception:
            try:
                data = vars(o)
            except Exception:
                raise ValueError(o) from None
        return jsonable_encoder(data)

    status = types.ModuleType("fastapi.status")
    for s in http.HTTPStatus:
        setattr(status, "HTTP_%d_%s" % (s.value, s.name), s.value)
    fastapi = types.ModuleType("fastapi")
    fastapi.HTTPException, fastapi.status = HTTPException, status
    sys.modules["fastapi"], sys.modules["fastapi.status"] = fastapi, status


def dumps(v):
    return json.dumps(v, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def outcome(fn):
    try:
        r = fn()
        if hasattr(r, "__await__"):
            import asyncio

            r = asyncio.run(r)  # under an event loop: asyncio.sleep, gather, wait_for
    except HTTPException as e:
        try:
            body = dumps({"detail": e.detail})
        except Exception as x:
            body = "!" + type(x).__name__
        hdrs = [[k.lower(), v] for k, v in (e.headers or {}).items()]
        return {"http": [e.status_code, body, hdrs]}
    except Exception as e:
        return {"e": type(e).__name__}
    out = {"r": repr(r)}
    try:
        out["j"] = dumps(jsonable_encoder(r))
    except Exception as x:
        out["j"] = "!" + type(x).__name__
    return out


def main():
    req = json.load(sys.stdin)
    models = types.ModuleType("models")
    exec(compile(req["models"], "models.py", "exec"), models.__dict__)
    sys.modules["models"] = models
    results = []
    for i, sn in enumerate(req["snippets"]):
        mod = types.ModuleType(sn["module"])
        sys.modules[sn["module"]] = mod
        res = []
        try:
            exec(compile(sn["src"], sn["module"] + ".py", "exec"), mod.__dict__)
            f = mod.f
            calls = eval(sn["calls"], dict(mod.__dict__))
        except Exception as e:
            results.append([{"setup": type(e).__name__ + ": " + str(e)}])
            continue
        fn = f if hasattr(f, "__code__") else f.__call__.__func__  # a callable instance
        ann = getattr(fn, "__annotations__", {})
        names = fn.__code__.co_varnames[int(fn is not f):fn.__code__.co_argcount]
        for args in calls:
            args = list(args)
            for k, n in enumerate(names[:len(args)]):
                t = ann.get(n)
                if isinstance(t, type) and hasattr(t, "model_fields"):
                    args[k] = t(**args[k])
                elif isinstance(t, type) and (issubclass(t, enum.Enum) or t is uuid.UUID):
                    args[k] = t(args[k])
                elif isinstance(t, type) and t.__module__ == mod.__name__:  # a plain class
                    args[k] = t(**args[k])
                elif t is datetime.date:
                    args[k] = datetime.date.fromisoformat(args[k])
                elif t is datetime.datetime:
                    args[k] = datetime.datetime.fromisoformat(args[k])
                elif t is datetime.timedelta:  # (days, seconds, microseconds)
                    args[k] = datetime.timedelta(*args[k])
                elif t is decimal.Decimal:
                    args[k] = decimal.Decimal(args[k])
            res.append(outcome(lambda: f(*args)))
        results.append(res)
    json.dump(results, sys.stdout, ensure_ascii=True)


main()
