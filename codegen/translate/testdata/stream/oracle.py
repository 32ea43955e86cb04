# The generator endpoints' oracle (stream_test.go; the snippets are *.snip here): runs
# each generator snippet f the way Starlette's StreamingResponse consumes a generator
# endpoint FastAPI 0.141 streams, with CPython, and reports for each call the items the
# client received, what the generator raised and its log.
#
# Each call is (args, stop): f(log, *args) with a fresh list log; stop is None (the
# client reads the whole body) or k: the client goes away after k chunks (the write of
# the next item fails; the abandoned generator is then closed, GeneratorExit thrown in at
# its yield).
import asyncio
import builtins
import inspect
import json
import sys
import types

try:
    from fastapi import HTTPException
except ImportError:  # no FastAPI here (CI): a stand-in with what the snippets use
    class HTTPException(Exception):
        def __init__(self, status_code, detail=None, headers=None):
            self.status_code, self.detail, self.headers = status_code, detail, headers

    fastapi = types.ModuleType("fastapi")
    fastapi.HTTPException = HTTPException
    sys.modules["fastapi"] = fastapi


async def consume(f, args, stop):
    log, items, error = [], [], None
    gen = f(log, *args)
    is_async = inspect.isasyncgen(gen)
    try:
        if is_async:
            async for v in gen:
                if stop is not None and len(items) >= stop:
                    break
                items.append(repr(v))
        else:
            for v in gen:
                if stop is not None and len(items) >= stop:
                    break
                items.append(repr(v))
    except Exception as e:  # the body raised: the response is aborted
        error = type(e).__name__
    if is_async:
        await gen.aclose()
    else:
        gen.close()
    return {"items": items, "log": repr(log), "error": error}


def main():
    req = json.load(sys.stdin)
    out = []
    for sn in req["snippets"]:
        mod = types.ModuleType(sn["module"])
        try:
            exec(compile(sn["src"], sn["module"] + ".py", "exec"), mod.__dict__)
            calls = eval(sn["calls"])
        except Exception as e:
            out.append([{"setup": repr(e)}])
            continue
        out.append([asyncio.run(consume(mod.f, args, stop)) for args, stop in calls])
    json.dump(out, sys.stdout)


main()
