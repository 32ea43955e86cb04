# The yield dependencies' oracle (yield_test.go; the snippets are *.snip here): runs each generator snippet f the way
# FastAPI 0.141 runs a yield dependency for one request, with CPython, and reports for
# each call what entering it gave, what came out of its exit and its log.
#
# FastAPI (fastapi/dependencies/utils.py _solve_generator, fastapi/routing.py
# request_response): an async generator goes through contextlib.asynccontextmanager, a
# sync one through contextlib.contextmanager wrapped by contextmanager_in_threadpool
# (which throws only Exception subclasses in, and suppresses when __exit__ says so);
# either is entered on an AsyncExitStack. If the rest of the request raises, the
# exception passes through the stack (thrown in at the yield); if a generator swallows
# it, FastAPI fails with FastAPIError (request scope: "response not awaited") or with
# the UnboundLocalError of its unassigned `response` (scope="function").
#
# Each call is (args, throw, scope): f(log, *args) with a fresh list log; throw is None
# (the request succeeds), ("http", status, detail), ("exc", class name, message) or
# ("rve",) (a request validation error); scope is "request" or "function".
import asyncio
import builtins
import contextlib
import inspect
import json
import sys
import types


try:
    from fastapi import HTTPException
except ImportError:  # no FastAPI here (CI): a stand-in with what the snippets use
    import http

    class HTTPException(Exception):
        def __init__(self, status_code, detail=None, headers=None):
            if detail is None:
                detail = http.HTTPStatus(status_code).phrase
            self.status_code, self.detail, self.headers = status_code, detail, headers

    fastapi = types.ModuleType("fastapi")
    fastapi.HTTPException = HTTPException
    sys.modules["fastapi"] = fastapi


def dumps(v):
    return json.dumps(v, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


class RequestValidationError(Exception):
    """Stands for fastapi.exceptions.RequestValidationError (an Exception subclass)."""


def make_exc(spec):
    if spec[0] == "http":
        return HTTPException(status_code=spec[1], detail=spec[2])
    if spec[0] == "exc":
        return getattr(builtins, spec[1])(spec[2])
    return RequestValidationError()


class ThreadpoolCM(contextlib.AbstractAsyncContextManager):
    """contextmanager_in_threadpool's semantics, without the thread."""

    def __init__(self, cm):
        self.cm = cm

    async def __aenter__(self):
        return self.cm.__enter__()

    async def __aexit__(self, typ, exc, tb):
        if exc is None:
            self.cm.__exit__(None, None, None)
            return False
        if not isinstance(exc, Exception):
            return False
        if not self.cm.__exit__(type(exc), exc, exc.__traceback__):
            raise exc
        return True


def exc_outcome(e):
    if isinstance(e, HTTPException):
        return {"http": [e.status_code, dumps({"detail": e.detail}), []]}
    return {"e": type(e).__name__}


async def one_request(f, args, throw, scope):
    log = []
    if inspect.isasyncgenfunction(f):
        cm = contextlib.asynccontextmanager(f)(log, *args)
    else:
        cm = ThreadpoolCM(contextlib.contextmanager(f)(log, *args))
    res = {}
    exc = make_exc(throw) if throw is not None else None
    try:
        async with contextlib.AsyncExitStack() as stack:
            try:
                v = await stack.enter_async_context(cm)
            except Exception as e:
                res["enter"] = exc_outcome(e)
                res["log"] = repr(log)
                return res
            res["enter"] = {"r": repr(v)}
            if exc is not None:
                raise exc
        if exc is not None:
            res["exit"] = {"e": "UnboundLocalError" if scope == "function" else "FastAPIError"}
            res["same"] = False
        else:
            res["exit"] = {"ok": True}
    except Exception as e:
        res["exit"] = exc_outcome(e)
        res["same"] = e is exc
    res["log"] = repr(log)
    return res


def main():
    req = json.load(sys.stdin)
    results = []
    for sn in req["snippets"]:
        mod = types.ModuleType(sn["module"])
        sys.modules[sn["module"]] = mod
        try:
            exec(compile(sn["src"], sn["module"] + ".py", "exec"), mod.__dict__)
            calls = eval(sn["calls"], dict(mod.__dict__))
        except Exception as e:
            results.append([{"setup": type(e).__name__ + ": " + str(e)}])
            continue
        results.append([asyncio.run(one_request(mod.f, list(args), throw, scope)) for args, throw, scope in calls])
    json.dump(results, sys.stdout, ensure_ascii=True)


main()
